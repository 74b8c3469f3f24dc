import { z } from "zod";

/** A Bot API answer: `{ ok: true, result }` or `{ ok: false, error_code, description, parameters }`. */
const answer = z.union([
  z.looseObject({ ok: z.literal(true), result: z.unknown() }),
  z.looseObject({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().max(1000).default(""),
    parameters: z
      .looseObject({
        retry_after: z.number().int().nonnegative().optional(),
        migrate_to_chat_id: z.number().int().optional(),
      })
      .optional(),
  }),
]);

/** A refusal from the Bot API, with what Telegram said and when to try again. */
export class TelegramApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
    readonly migrateToChatId?: number,
  ) {
    super(`telegram ${method}: ${code} ${description}`);
  }

  /** The member never started the bot, or blocked it: a private message cannot reach them. */
  get cannotWriteToUser(): boolean {
    return this.code === 403;
  }
}

export interface TelegramClient {
  call<T = unknown>(method: string, params: Record<string, unknown>): Promise<T>;
}

/**
 * Bot API calls as JSON POSTs to `<apiUrl>/bot<token>/<method>`. Every answer is parsed: a body
 * that is neither shape is an error, never a guess.
 */
export function createTelegramClient(
  apiUrl: string,
  token: string,
  fetcher: typeof fetch = fetch,
): TelegramClient {
  const base = `${apiUrl.replace(/\/+$/, "")}/bot${token}`;
  return {
    async call<T>(method: string, params: Record<string, unknown>): Promise<T> {
      const response = await fetcher(`${base}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
      });
      const parsed = answer.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) throw new TelegramApiError(method, response.status, "unreadable answer");
      const body = parsed.data;
      if (body.ok) return body.result as T;
      throw new TelegramApiError(
        method,
        body.error_code,
        body.description,
        body.parameters?.retry_after,
        body.parameters?.migrate_to_chat_id,
      );
    },
  };
}
