/**
 * The Worker's environment: bindings from wrangler.toml, secrets from `.dev.vars` locally and
 * `wrangler secret put` in production. Names are an interface: tools outside guyub set them.
 */
export interface AppEnv {
  readonly DB: D1Database;
  readonly JOBS: Queue;
  readonly OUTBOX: Queue;
  readonly SLACK_SIGNING_SECRET?: string;
  readonly SLACK_BOT_TOKEN?: string;
  readonly SLACK_CLIENT_ID?: string;
  readonly SLACK_CLIENT_SECRET?: string;
  readonly DISCORD_PUBLIC_KEY?: string;
  readonly DISCORD_APPLICATION_ID?: string;
  readonly DISCORD_BOT_TOKEN?: string;
  readonly DISCORD_GUILD_ID?: string;
  /** The Telegram bot's token from BotFather (`123456789:AA…`); `npm run setup` stores it. */
  readonly TELEGRAM_BOT_TOKEN?: string;
  /** `setWebhook`'s `secret_token`: Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`. */
  readonly TELEGRAM_WEBHOOK_SECRET?: string;
  /** The bot's username without `@` (from `getMe`): tells `/cop@guyub_bot` from `/cop@other_bot`. */
  readonly TELEGRAM_BOT_USERNAME?: string;
  /** Comma-separated team ids: only these workspaces may install (unset: anyone with the link). */
  readonly SLACK_ALLOWED_TEAMS?: string;
  /** The key ring tokens are sealed with: `kid:base64key`, comma-separated, the first active. */
  readonly TOKEN_ENCRYPTION_KEYS?: string;
  /** A one-key ring (id `k0`) when TOKEN_ENCRYPTION_KEYS is not set. */
  readonly TOKEN_ENCRYPTION_KEY?: string;
  /** Keys the forgotten list's hashes (src/db/forgotten.ts); without it, the key ring's keys do. */
  readonly FORGET_HASH_SALT?: string;
  readonly PUBLIC_URL?: string;
  readonly SLACK_API_URL?: string;
  readonly DISCORD_API_URL?: string;
  readonly TELEGRAM_API_URL?: string;
}
