/** The health page (GET /): what a deployment's operator reads. */
export const healthEn = {
  "health.title": "guyub: is this deployment healthy?",
  "health.intro":
    "This page checks this guyub deployment: its settings, its database, its scheduled work and its queues. It never shows a secret's value or anything about members.",
  "health.ok": "OK",
  "health.attention": "Needs attention",
  "health.checkedAt": "Checked {at}.",
  "health.unreadable": "The database could not be read, so this part is unknown.",

  "health.install.title": "Add guyub to your community",
  "health.install.slack": "Add to Slack",
  "health.install.discord": "Add to Discord",
  "health.install.telegram": "Add to a Telegram group",
  "health.install.none":
    "No install button yet: set SLACK_CLIENT_ID (and SLACK_CLIENT_SECRET) for Slack, DISCORD_APPLICATION_ID for Discord, TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME for Telegram (npm run setup stores them).",
  "health.install.discordNote":
    "Discord asks for View Channels, Send Messages and Read Message History, and nothing more.",
  "health.install.telegramNote":
    "Telegram: after adding the bot, make it an administrator of the group (no rights needed): only then does it see the group's activity and who joins or leaves.",

  "health.communities.title": "Communities",
  "health.communities.line": "{platform}: {count} installed",
  "health.communities.none": "No community has used guyub yet.",

  "health.secrets.title": "Settings and secrets",
  "health.secrets.intro": "Whether each one is set, never its value.",
  "health.secrets.name": "Name",
  "health.secrets.state": "State",
  "health.secrets.purpose": "What it is for",
  "health.secrets.set": "set",
  "health.secrets.unset": "not set",
  "health.secret.SLACK_SIGNING_SECRET": "Checks that requests really come from Slack.",
  "health.secret.SLACK_BOT_TOKEN": "One Slack workspace without OAuth installs.",
  "health.secret.SLACK_CLIENT_ID": "Slack OAuth: the Add to Slack button.",
  "health.secret.SLACK_CLIENT_SECRET": "Slack OAuth: completes an install.",
  "health.secret.DISCORD_PUBLIC_KEY": "Checks that requests really come from Discord.",
  "health.secret.DISCORD_APPLICATION_ID": "The Discord app: its commands and the Add to Discord button.",
  "health.secret.DISCORD_BOT_TOKEN": "Posts and reads on Discord.",
  "health.secret.DISCORD_GUILD_ID": "Optional: registers the commands in one Discord server only.",
  "health.secret.TELEGRAM_BOT_TOKEN": "The Telegram bot (from BotFather): posts and reads on Telegram.",
  "health.secret.TELEGRAM_WEBHOOK_SECRET": "Checks that updates really come from Telegram.",
  "health.secret.TELEGRAM_BOT_USERNAME":
    "The bot's name: commands meant for it, and the Add to a Telegram group button.",
  "health.secret.TOKEN_ENCRYPTION_KEY": "Encrypts the Slack tokens guyub stores (one key).",
  "health.secret.TOKEN_ENCRYPTION_KEYS": "The same as a key ring, to change keys without downtime.",
  "health.secret.PUBLIC_URL": "This deployment's address, for install links.",

  "health.schema.title": "Database schema",
  "health.schema.current": "Current: every migration this code knows is applied (the newest is {newest}).",
  "health.schema.behind":
    "Behind: migrations not applied yet ({count}): {names}. Apply them with npm run db:migrate:remote.",
  "health.schema.ahead":
    "Ahead: the database has {applied}, newer than this code's newest ({newest}). Deploy the newer code.",
  "health.schema.unknown": "Unknown: the list of applied migrations could not be read.",

  "health.cron.title": "Scheduled work (cron)",
  "health.cron.none":
    "No tick recorded yet. Once deployed, the cron runs every 15 minutes and records each tick here.",
  "health.cron.ok": "Last tick {at} ({ago}): succeeded.",
  "health.cron.failed":
    "Last tick {at} ({ago}): failed in {parts}. The Worker's logs (wrangler tail) give the cause.",
  "health.cron.late":
    "That is late: ticks come every 15 minutes. Check the cron trigger in the Cloudflare dashboard.",

  "health.queues.title": "Queues",
  "health.queues.intro":
    "Each tick sends a small heartbeat through each queue; this is how long the last one took to come back.",
  "health.queues.back": "back after {ms} ms, {ago}",
  "health.queues.waiting": "heartbeat sent {ago}, not back yet",
  "health.queues.lost": "the heartbeat sent {ago} has not come back: is the queue's consumer running?",
  "health.queues.none": "no heartbeat yet (the first tick sends one)",

  "health.tokens.title": "Token encryption",
  "health.tokens.intro":
    "The key ring that encrypts the stored Slack tokens, checked against them. Only key ids and row ids are shown, never a token or a key.",
  "health.tokens.unset":
    "No encryption key is set: set TOKEN_ENCRYPTION_KEYS (kid:base64key, comma-separated) or TOKEN_ENCRYPTION_KEY.",
  "health.tokens.malformed": "The key ring cannot be used: {reason}",
  "health.tokens.unreadable": "None of the {count} stored tokens can be read until the ring is fixed.",
  "health.tokens.active": "The key ring is usable; new tokens are encrypted with key {active}.",
  "health.tokens.stored": "Stored tokens: {count}.",
  "health.tokens.waiting":
    "{count} stored tokens are still under an older key of the ring; the re-encryption job moves them within a few quarter-hours. Keep the older keys until this reaches 0.",
  "health.tokens.allActive": "Every stored token is under the active key.",
  "health.tokens.missing":
    "{count} stored tokens were encrypted with a key that is not in the ring, so they cannot be read. Put that key back in TOKEN_ENCRYPTION_KEYS (after the active one):",
  "health.tokens.row": "installation {installation} ({platform} {workspace}), {field}: key {key}",
  "health.tokens.noKeyId": "not a readable envelope",
  "health.tokens.more": "and {count} more",
} as const;
