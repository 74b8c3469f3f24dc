import { type Context, Hono } from "hono";
import { TELEGRAM_LIMITS } from "./config.ts";
import type { StandinState } from "./state.ts";
import { checkTelegramText } from "./telegram-text.ts";

type Obj = Record<string, unknown>;
type Answer = [status: number, body: Obj];

/** The mount point: `/telegram/bot<token>/<method>`, as `https://api.telegram.org`. */
export const TELEGRAM_BASE = "/telegram";

const fail = (code: number, description: string, parameters?: Obj): Answer => [
  code,
  { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
];
const ok = (result: unknown): Answer => [200, { ok: true, result }];

/**
 * A stand-in of the Bot API methods guyub calls, with Telegram's answers: 401 for a wrong token,
 * 400 "chat not found" for a group the bot is not in, 403 for a person who never started the bot,
 * 429 with `parameters.retry_after` past the limits (30 a second in all, 20 a minute per group,
 * about one a second per chat), and 400s for text or buttons Telegram would refuse.
 */
export function createTelegramStandin(state: StandinState): Hono {
  const app = new Hono();
  const world = state.telegram;
  const bot = () => ({
    id: Number(state.config.telegramBotToken.split(":")[0]),
    is_bot: true,
    first_name: "guyub",
    username: state.config.telegramBotUsername,
  });

  const methods: Record<string, (body: Obj) => Answer> = {
    getMe: () => ok(bot()),
    setWebhook: (body) => {
      if (typeof body.url !== "string" || !body.url.startsWith("https://"))
        return fail(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
      const secret = body.secret_token;
      if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)))
        return fail(400, "Bad Request: secret token contains unallowed characters");
      world.webhook = { url: body.url, ...(typeof secret === "string" ? { secretToken: secret } : {}) };
      return ok(true);
    },
    setMyCommands: (body) => {
      const commands = Array.isArray(body.commands) ? (body.commands as Obj[]) : null;
      if (!commands || commands.length > 100) return fail(400, "Bad Request: commands must be an array");
      for (const c of commands) {
        if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))
          return fail(400, "Bad Request: BOT_COMMAND_INVALID");
        if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256)
          return fail(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      }
      world.commands.set(JSON.stringify(body.scope ?? { type: "default" }), commands);
      return ok(true);
    },
    getChatAdministrators: (body) => {
      const group = world.groups.get(String(body.chat_id));
      if (!group) return fail(400, "Bad Request: chat not found");
      return ok(
        group.admins.map((id, i) => ({ status: i === 0 ? "creator" : "administrator", user: person(id) })),
      );
    },
    getChatMember: (body) => {
      const group = world.groups.get(String(body.chat_id));
      if (!group) return fail(400, "Bad Request: chat not found");
      const id = String(body.user_id);
      const status =
        group.admins[0] === id
          ? "creator"
          : group.admins.includes(id)
            ? "administrator"
            : group.members.includes(id)
              ? "member"
              : "left";
      return ok({ status, user: person(id) });
    },
    answerCallbackQuery: (body) => {
      if (typeof body.callback_query_id !== "string")
        return fail(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
      if (typeof body.text === "string" && body.text.length > 200)
        return fail(400, "Bad Request: MESSAGE_TOO_LONG");
      return ok(true);
    },
    sendMessage: (body) => send(body, null),
    editMessageText: (body) => send(body, Number(body.message_id)),
  };

  /** sendMessage and editMessageText: who may be written to, the limits, then the text itself. */
  const send = (body: Obj, editing: number | null): Answer => {
    const chatId = String(body.chat_id ?? "");
    const group = chatId.startsWith("-");
    if (group && !world.groups.has(chatId)) return fail(400, "Bad Request: chat not found");
    if (!group && !world.started.has(chatId))
      return fail(403, "Forbidden: bot can't initiate conversation with a user");
    const invalid = checkTelegramText(body);
    if (invalid) return fail(400, invalid);
    if (editing !== null && !world.messages.has(`${chatId}:${editing}`))
      return fail(400, "Bad Request: message to edit not found");
    const windows = state.take([
      ["telegram:global", TELEGRAM_LIMITS.global],
      [`telegram:chat:${chatId}`, TELEGRAM_LIMITS.chat],
      ...(group ? [[`telegram:group:${chatId}`, TELEGRAM_LIMITS.group] as const] : []),
    ]);
    const refused = windows.find((w) => !w.allowed);
    if (refused) {
      // Retry-After in real seconds, the platform's window shrunk by the time scale.
      const seconds = Math.max(1, Math.ceil(refused.retryAfterMs / 1000));
      return fail(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
    }
    const messageId = editing ?? world.nextMessageId(chatId);
    world.messages.set(`${chatId}:${messageId}`, { text: String(body.text), from: "bot" });
    state.say(
      `telegram ${chatId}${editing !== null ? ` edit ${messageId}` : ""}: ${String(body.text).slice(0, 200)}`,
    );
    return ok({
      message_id: messageId,
      from: bot(),
      chat: group
        ? { id: Number(chatId), type: world.groups.get(chatId)?.type, title: world.groups.get(chatId)?.title }
        : { id: Number(chatId), type: "private" },
      date: Math.floor(Date.now() / 1000),
      text: body.text,
      ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
    });
  };

  app.post("/:bot/:method", async (c: Context) => {
    const method = c.req.param("method") ?? "";
    const token = (c.req.param("bot") ?? "").replace(/^bot/, "");
    let answer: Answer;
    if (token !== state.config.telegramBotToken) answer = fail(401, "Unauthorized");
    else {
      const handler = methods[method];
      const body = ((await c.req.json().catch(() => null)) ?? {}) as Obj;
      answer = handler ? handler(body) : fail(404, "Not Found");
      if (answer[0] === 200) state.record("telegram", method, `/${method}`, body, answer[1].result);
    }
    state.stats.note("telegram", method, answer[0], answer[1]);
    return c.json(answer[1], answer[0] as 200);
  });
  return app;
}

function person(id: string): Obj {
  return { id: Number(id), is_bot: false, first_name: `User ${id}` };
}
