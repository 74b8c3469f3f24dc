import type { CommandSyntax } from "../../core/commands/types.ts";
import type { CoreDeps } from "../../core/handle-command.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { Contact } from "../../core/model.ts";
import type { PlatformAuthority } from "../../core/ports.ts";
import { isGroupAdmin } from "./admins.ts";
import type { TelegramClient } from "./client.ts";
import type { TelegramChat, TelegramUser } from "./payloads.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/** Telegram's commands are `/cop` and `/copmod` (registered with setMyCommands), words positional. */
export const TELEGRAM_SYNTAX: CommandSyntax = {
  prefix: "/cop",
  moderatorPrefix: "/copmod",
  namedOptions: false,
};

/** What every update's handler gets: core, the Bot API (null without a token), and who the bot is. */
export interface UpdateContext {
  readonly core: CoreDeps;
  readonly client: TelegramClient | null;
  readonly botUsername?: string;
  readonly d1: D1Database;
  /** Separates the admin caches of two bots (tokens) in one isolate. */
  readonly cacheKey: string;
}

/** The member's Telegram app language, as guyub's: Indonesian for `id`, English otherwise. */
export function localeOf(user: TelegramUser | undefined): Locale {
  return user?.language_code?.toLowerCase().startsWith("id") ? "id" : "en";
}

/** A person's name as Telegram shows it. */
export function nameOf(user: TelegramUser): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id);
}

/** Who is speaking, in which group (a group is a community; its chat id the workspace id). */
export function telegramContact(workspaceId: string, chat: TelegramChat | null, user: TelegramUser): Contact {
  return {
    platform: TELEGRAM_TRAITS.id,
    workspaceId,
    workspaceName: chat?.title ?? null,
    userId: String(user.id),
    displayName: nameOf(user),
    initialLocale: localeOf(user),
  };
}

/** The group's administrators moderate (getChatAdministrators, cached briefly); asked only when needed. */
export function telegramAuthority(
  ctx: UpdateContext,
  workspaceId: string,
  userId: string,
): PlatformAuthority {
  const client = ctx.client;
  if (!client) return { kind: "payload", isModerator: false };
  return {
    kind: "lookup",
    lookup: () => isGroupAdmin(client, Number(workspaceId), userId, ctx.core.now().getTime(), ctx.cacheKey),
  };
}
