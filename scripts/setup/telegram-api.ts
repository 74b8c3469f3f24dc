/**
 * The Bot API calls setup makes: `getMe` (is the token right, and the bot's username),
 * `setWebhook` and `setMyCommands` (its menus are the adapter's `telegramCommandSets`, the one list
 * built from core's command roots). Every method answers `{ok: true, result}` or
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
