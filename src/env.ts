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
  readonly TOKEN_ENCRYPTION_KEY?: string;
  /** A key ring, `kid:base64key` comma-separated, the first active; replaces TOKEN_ENCRYPTION_KEY. */
  readonly TOKEN_ENCRYPTION_KEYS?: string;
  readonly PUBLIC_URL?: string;
  readonly SLACK_API_URL?: string;
  readonly DISCORD_API_URL?: string;
}
