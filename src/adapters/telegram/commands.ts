import { MEMBER_ROOT, MODERATOR_ROOT, ROOT_SUMMARIES } from "../../core/commands/roots.ts";
import { LOCALES, type Locale, translator } from "../../core/i18n/index.ts";
import type { TelegramClient } from "./client.ts";

/** One `setMyCommands` call: a scope, an optional language, and the commands shown there. */
export interface TelegramCommandSet {
  readonly scope: { readonly type: string };
  readonly language_code?: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

/**
 * The command menus Telegram shows: `/cop` in every group and private chat, `/copmod` too for
 * group administrators and in private chats (anyone may type it; guyub checks who moderates).
 * Telegram picks the most specific scope that has a list (`all_chat_administrators` before
 * `all_group_chats`), so the administrators' list repeats `/cop`. English is the default
 * menu, Indonesian the one for `language_code: id`.
 */
export function telegramCommandSets(): TelegramCommandSet[] {
  const entry = (root: typeof MEMBER_ROOT | typeof MODERATOR_ROOT, locale: Locale) => ({
    command: root,
    description: translator(locale)(ROOT_SUMMARIES[root]).slice(0, 256),
  });
  return LOCALES.flatMap((locale) => {
    const language = locale === "en" ? {} : { language_code: locale };
    const both = [entry(MEMBER_ROOT, locale), entry(MODERATOR_ROOT, locale)];
    return [
      { scope: { type: "all_group_chats" }, ...language, commands: [entry(MEMBER_ROOT, locale)] },
      { scope: { type: "all_chat_administrators" }, ...language, commands: both },
      { scope: { type: "all_private_chats" }, ...language, commands: both },
    ];
  });
}

/** Registers every menu (what `npm run setup` calls once the bot token is known). */
export async function registerTelegramCommands(client: TelegramClient): Promise<void> {
  for (const set of telegramCommandSets()) await client.call("setMyCommands", { ...set });
}
