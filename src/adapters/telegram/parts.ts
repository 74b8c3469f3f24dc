import type { AppEnv } from "../../env.ts";
import type { PlatformParts } from "../../platforms.ts";
import { isGroupAdmin } from "./admins.ts";
import { createTelegramClient } from "./client.ts";
import { DEFAULT_TELEGRAM_API_URL, type TelegramEnv } from "./env.ts";
import { createTelegramSender } from "./sender.ts";

/**
 * Telegram's parts for jobs and delivery: one bot token serves every group. The Bot API cannot
 * list a group's members, so there is no member list to sync (joins and leaves arrive as
 * updates): `directory` is null, and nobody is ever marked gone by a sync.
 */
export function telegramParts(appEnv: AppEnv): PlatformParts {
  const env = appEnv as TelegramEnv;
  const token = env.TELEGRAM_BOT_TOKEN;
  const client = token ? createTelegramClient(env.TELEGRAM_API_URL ?? DEFAULT_TELEGRAM_API_URL, token) : null;
  return {
    directory: () => null,
    sender: async (_chatId, { paceScale }) =>
      client && token ? createTelegramSender(client, token, paceScale) : null,
    async platformModerator(chatId, userId, _role, now) {
      if (!client) throw new Error("telegram: no bot token to ask with");
      return isGroupAdmin(
        client,
        Number(chatId),
        userId,
        now().getTime(),
        `${env.TELEGRAM_API_URL ?? ""}\n${token}`,
      );
    },
  };
}
