import { MEMBER_ROOT, MODERATOR_ROOT, ROOT_SUMMARIES } from "../../core/commands/roots.ts";
import { CANCEL_WORD } from "../../core/conversation/question.ts";
import { allTranslations, LOCALES, type MessageKey } from "../../core/i18n/index.ts";

type Scope = "all_group_chats" | "all_private_chats" | "all_chat_administrators";

/** One `setMyCommands` call: a scope, an optional language, and the commands shown there. */
export interface TelegramCommandSet {
  readonly scope: { readonly type: Scope };
  readonly language_code?: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

/** Each scope's menu: the command roots core defines (as Discord's registration and help read them). */
const MENUS: Record<Scope, readonly (readonly [string, MessageKey])[]> = {
  all_group_chats: [[MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]]],
  // Anyone may type /copmod in a private chat (guyub checks who moderates); /cancel stops a form.
  all_private_chats: [
    [MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]],
    [MODERATOR_ROOT, ROOT_SUMMARIES[MODERATOR_ROOT]],
    [CANCEL_WORD, "cmd.cancel"],
  ],
  all_chat_administrators: [
    [MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]],
    [MODERATOR_ROOT, ROOT_SUMMARIES[MODERATOR_ROOT]],
  ],
};

/**
 * The command menus Telegram shows, the one list `npm run setup` registers with `setMyCommands`.
 * Telegram shows a person the list of the narrowest scope that has one (administrators' before
 * all group chats'), not a union: so the administrators' list repeats `/cop`, or a moderator would
 * lose it from the menu. English is the default menu, Indonesian the one for `language_code: id`.
 */
export function telegramCommandSets(): TelegramCommandSet[] {
  return Object.entries(MENUS).flatMap(([type, menu]) =>
    LOCALES.map((locale) => ({
      scope: { type: type as Scope },
      ...(locale === "en" ? {} : { language_code: locale }),
      commands: menu.map(([command, key]) => ({
        command,
        // Telegram takes 1 to 256 characters.
        description: allTranslations(key)[locale].slice(0, 256),
      })),
    })),
  );
}
