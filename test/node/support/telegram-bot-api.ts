import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The Bot API methods `npm run setup` calls, answered as Telegram answers them: `{ok: true, result}`,
 * 401 `{ok: false, error_code: 401, description: "Unauthorized"}` for a token it does not know, 400
 * "Bad Request: …" for a parameter it refuses (the checks of core.telegram.org/bots/api), 404 for
 * an unknown method. `failNext` makes the next call of a method answer 500, as a hiccup would.
 */
export const BOT_TOKEN = "1000000001:AAHguyubTestTokenForSetup_0123456789";
/** The same bot's token after BotFather's /revoke: both work here, as a test needs one of each. */
export const NEW_BOT_TOKEN = "1000000001:AAHguyubTestTokenAfterRevoke_98765432";
export const BOT_USERNAME = "guyub_test_bot";

export interface BotApiCall {
  readonly method: string;
  readonly token: string;
  readonly body: Record<string, unknown>;
}

export interface BotApi {
  readonly url: string;
  readonly calls: BotApiCall[];
  failNext(method: string): void;
  close(): Promise<void>;
}

const SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);
const UPDATE_TYPES = new Set([
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "callback_query",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "inline_query",
  "poll",
]);

/** Why Telegram would refuse these parameters, or null when it takes them. */
function refusal(method: string, body: Record<string, unknown>): string | null {
  if (method === "setWebhook") {
    if (typeof body.url !== "string" || !body.url.startsWith("https://"))
      return "bad webhook: An HTTPS URL must be provided for webhook";
    const secret = body.secret_token;
    if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)))
      return "secret token contains unallowed characters";
    const updates = body.allowed_updates;
    if (updates !== undefined && (!Array.isArray(updates) || updates.some((u) => !UPDATE_TYPES.has(u))))
      return "can't parse allowed updates";
    return null;
  }
  if (method === "setMyCommands") {
    const commands = body.commands as { command?: unknown; description?: unknown }[] | undefined;
    if (!Array.isArray(commands) || commands.length > 100) return "commands must be an array of at most 100";
    for (const c of commands) {
      if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) return "BOT_COMMAND_INVALID";
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256)
        return "BOT_COMMAND_DESCRIPTION_INVALID";
    }
    const scope = body.scope as { type?: unknown } | undefined;
    if (scope !== undefined && !SCOPES.has(scope.type as string)) return "unsupported bot command scope type";
    const language = body.language_code;
    if (language !== undefined && (typeof language !== "string" || !/^[a-z]{2}$/.test(language)))
      return "LANG_CODE_INVALID";
    return null;
  }
  return null;
}

const RESULTS: Record<string, unknown> = {
  getMe: {
    id: 1000000001,
    is_bot: true,
    first_name: "guyub",
    username: BOT_USERNAME,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  },
  setWebhook: true,
  setMyCommands: true,
};

export async function startBotApi(): Promise<BotApi> {
  const calls: BotApiCall[] = [];
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on("end", () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
      if (!match?.[1] || !match[2])
        return answer(404, { ok: false, error_code: 404, description: "Not Found" });
      const [, token, method] = match;
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ method, token, body });
      if (token !== BOT_TOKEN && token !== NEW_BOT_TOKEN)
        return answer(401, { ok: false, error_code: 401, description: "Unauthorized" });
      if (!(method in RESULTS)) return answer(404, { ok: false, error_code: 404, description: "Not Found" });
      if (failing.delete(method))
        return answer(500, { ok: false, error_code: 500, description: "Internal Server Error" });
      const refused = refusal(method, body);
      if (refused) return answer(400, { ok: false, error_code: 400, description: `Bad Request: ${refused}` });
      return answer(200, {
        ok: true,
        result: RESULTS[method],
        ...(method === "setWebhook" ? { description: "Webhook was set" } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext: (method) => failing.add(method),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
