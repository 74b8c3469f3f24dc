import type { AppEnv } from "../../env.ts";

/**
 * The Worker's bindings Telegram reads (named as in DESIGN.md). Declared here, beside the adapter,
 * so the adapter stays one folder: `AppEnv` may name them too, and then these are the same fields.
 */
export type TelegramEnv = AppEnv & {
  /** The bot's token from BotFather (`123456:ABC…`). */
  readonly TELEGRAM_BOT_TOKEN?: string;
  /** `setWebhook`'s `secret_token`: Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`. */
  readonly TELEGRAM_WEBHOOK_SECRET?: string;
  /** The Bot API's address; the stand-in's locally. */
  readonly TELEGRAM_API_URL?: string;
  /**
   * The bot's username without `@` (`guyub_bot`): `/cop@guyub_bot` is ours, `/cop@other_bot` is not.
   * Optional: without it the adapter asks `getMe` once per isolate.
   */
  readonly TELEGRAM_BOT_USERNAME?: string;
};

/** Telegram's own address for the Bot API. */
export const DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";
