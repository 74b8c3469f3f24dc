import { MEMBER_ROOT, MODERATOR_ROOT, ROOT_SUMMARIES } from "../../src/core/commands/roots.ts";
import { allTranslations } from "../../src/core/i18n/index.ts";

/**
 * The Bot API calls setup makes: `getMe` (is the token right, and the bot's username),
 * `setWebhook` and `setMyCommands`. Every method answers `{ok: true, result}` or
 * `{ok: false, error_code, description}` (401 "Unauthorized" for a token Telegram does not know).
 */
export type BotAnswer<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly status: number; readonly description: string };

export async function callBotApi<T>(
  apiUrl: string,
  token: string,
  method: string,
  body: Record<string, unknown> = {},
): Promise<BotAnswer<T>> {
  const response = await fetch(`${apiUrl.replace(/\/+$/, "")}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: { ok?: boolean; result?: T; description?: string; error_code?: number } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not the Bot API (a proxy's error page): said below by its status.
  }
  if (response.ok && parsed.ok === true) return { ok: true, result: parsed.result as T };
  return {
    ok: false,
    status: parsed.error_code ?? response.status,
    description: parsed.description ?? `HTTP ${response.status}`,
  };
}

/** The part of `getMe`'s User setup reads. */
export interface BotUser {
  readonly id: number;
  readonly is_bot: boolean;
  readonly username?: string;
  /** False while the bot's privacy mode is on (BotFather → Bot Settings → Group Privacy). */
  readonly can_read_all_group_messages?: boolean;
}

/**
 * The updates guyub handles. `chat_member` is never sent unless asked for here, and only to a bot
 * that is an administrator of the group.
 */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "chat_member",
] as const;

/** Typed in a private chat to stop a form's questions (the conversation forms' word). */
export const CANCEL_COMMAND = "cancel";

type Scope = "all_group_chats" | "all_private_chats" | "all_chat_administrators";

/** One `setMyCommands` call: a scope, a language (undefined: everyone else) and its commands. */
export interface CommandList {
  readonly scope: { readonly type: Scope };
  readonly language_code?: "id";
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

/**
 * What the command menu shows, per scope, in English (the default) and Indonesian. Telegram shows
 * a person the list of the narrowest scope that has one (administrators' before all group chats'),
 * not a union: so the administrators' list repeats `cop` beside `copmod`, or a moderator would lose
 * `/cop` from the menu. `cancel` is for private chats, where forms ask their questions.
 */
export function telegramCommandLists(): CommandList[] {
  const scopes: Record<Scope, readonly [string, Parameters<typeof allTranslations>[0]][]> = {
    all_group_chats: [[MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]]],
    all_private_chats: [
      [MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]],
      [CANCEL_COMMAND, "cmd.cancel"],
    ],
    all_chat_administrators: [
      [MEMBER_ROOT, ROOT_SUMMARIES[MEMBER_ROOT]],
      [MODERATOR_ROOT, ROOT_SUMMARIES[MODERATOR_ROOT]],
    ],
  };
  return Object.entries(scopes).flatMap(([type, list]) =>
    (["en", "id"] as const).map((locale) => ({
      scope: { type: type as Scope },
      ...(locale === "id" ? { language_code: "id" as const } : {}),
      commands: list.map(([command, key]) => ({
        command,
        // Telegram takes 1 to 256 characters.
        description: allTranslations(key)[locale].slice(0, 256),
      })),
    })),
  );
}
