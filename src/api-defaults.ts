/**
 * Where the platform APIs live unless SLACK_API_URL / DISCORD_API_URL / TELEGRAM_API_URL point
 * elsewhere (stand-ins).
 */
export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";
export const DEFAULT_DISCORD_API_URL = "https://discord.com/api/v10";
/** The Bot API's root: calls go to `<root>/bot<token>/<method>`. */
export const DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";
