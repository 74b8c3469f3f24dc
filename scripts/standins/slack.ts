import { Hono } from "hono";
import { APP_ID, BOT_ID, BOT_USER_ID, checkBlocks, dmChannelId, slackUser, TEAM_ID } from "./slack-data.ts";
import { type Fault, json, type StandinState } from "./state.ts";

type Args = Record<string, unknown>;
type Result = { ok: boolean; [key: string]: unknown };

/** Slack lets a response_url be used at most five times. */
const RESPONSE_URL_USES = 5;

/**
 * A stand-in of the Slack Web API subset guyub calls, plus a response_url target. Mount it at
 * `/slack`: `POST /slack/api/:method`, `POST /slack/response/:id`. Like Slack, API errors are
 * HTTP 200 with `ok: false`, except rate limits (429 + Retry-After) and unknown methods (404).
 */
export function createSlackStandin(state: StandinState): Hono {
  const app = new Hono();

  // Slack takes GET with query arguments as well as POST.
  app.on(["GET", "POST"], "/api/:method", async (c) => {
    const method = c.req.param("method");
    const handler = METHODS[method];
    if (!handler) return json({ ok: false, error: "unknown_method", req_method: method }, 404);
    const fault = state.takeFault("slack", method);
    if (fault) return slackFault(fault);

    const parsed = await readArgs(c.req.raw);
    if (!parsed) return json({ ok: false, error: "invalid_json" });
    const { token: bodyToken, ...args } = parsed.args;
    // Slack reads the token from the Authorization header, or from a form field (never from JSON).
    const token = bearer(c.req.header("authorization")) ?? (parsed.form ? str(bodyToken) : "");
    if (!token) return json({ ok: false, error: "not_authed" });
    if (!state.config.slackTokens.includes(token)) return json({ ok: false, error: "invalid_auth" });

    const spec = state.config.slackLimits[method];
    if (spec) {
      // chat.postMessage is paced per channel; the other methods per token.
      const scope = method === "chat.postMessage" ? `:${str(args.channel)}` : "";
      const rate = state.hit(`slack:${token}:${method}${scope}`, spec);
      if (!rate.allowed) return rateLimited(Math.ceil(rate.retryAfterMs / 1000));
    }
    const result = handler(args, state);
    if (result.ok) state.record("slack", method, `/api/${method}`, args, result);
    return json(result);
  });

  // Slack's hooks.slack.com/commands/... target: plain-text answers, five uses per URL.
  app.post("/response/:id{.+}", async (c) => {
    const id = c.req.param("id");
    const fault = state.takeFault("slack", "response_url");
    if (fault) return slackFault(fault);
    const uses = state.responseUrlUses.get(id) ?? 0;
    if (uses >= RESPONSE_URL_USES) return c.text("used_url", 404);
    let body: Args;
    try {
      body = (await c.req.json()) as Args;
    } catch {
      return c.text("invalid_payload", 400);
    }
    const { blocks, errors } = body.blocks === undefined ? {} : checkBlocks(body.blocks);
    if (errors) return c.text("invalid_blocks", 400);
    if (!str(body.text) && !blocks?.length && !body.delete_original) return c.text("no_text", 400);
    state.responseUrlUses.set(id, uses + 1);
    state.record("slack", "response_url", `/response/${id}`, body, "ok");
    return c.text("ok");
  });

  return app;
}

const METHODS: Record<string, (args: Args, state: StandinState) => Result> = {
  "auth.test": () => ({
    ok: true,
    url: "https://guyub-dev.slack.com/",
    team: "guyub dev",
    user: "guyub",
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),

  "users.info": (args) => {
    const user = slackUser(str(args.user), str(args.team_id) || undefined);
    return user ? { ok: true, user } : { ok: false, error: "user_not_found" };
  },

  "chat.postMessage": (args, state) => {
    const channel = str(args.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const content = messageContent(args);
    if (!content.ok) return content;
    const ts = state.slackTs();
    // Posting to a user id lands in the DM with that user, as on Slack.
    const target = channel.startsWith("U") ? dmChannelId(channel) : channel;
    const message = { type: "message", user: BOT_USER_ID, bot_id: BOT_ID, app_id: APP_ID, team: TEAM_ID, ts };
    return { ok: true, channel: target, ts, message: { ...message, ...(content.message as Args) } };
  },

  "chat.postEphemeral": (args, state) => {
    if (!str(args.channel)) return { ok: false, error: "channel_not_found" };
    if (!slackUser(str(args.user))) return { ok: false, error: "user_not_in_channel" };
    const content = messageContent(args);
    return content.ok ? { ok: true, message_ts: state.slackTs() } : content;
  },

  "conversations.open": (args) => {
    if (args.channel)
      return { ok: true, no_op: true, already_open: true, channel: { id: str(args.channel) } };
    const raw = args.users;
    const ids = (Array.isArray(raw) ? raw.map(str) : str(raw).split(","))
      .map((u) => u.trim())
      .filter(Boolean);
    if (ids.length === 0) return { ok: false, error: "users_list_not_supplied" };
    if (ids.length > 8) return { ok: false, error: "too_many_users" };
    for (const id of ids) {
      const user = slackUser(id);
      if (!user) return { ok: false, error: "user_not_found" };
      if (user.deleted) return { ok: false, error: "user_disabled" };
      if (user.is_bot) return { ok: false, error: "cannot_dm_bot" };
    }
    const [first] = ids;
    const id =
      ids.length === 1 && first ? dmChannelId(first) : `G${[...ids].sort().join("").replace(/U/g, "")}`;
    return { ok: true, no_op: true, already_open: true, channel: { id } };
  },
};

/** `text` and/or valid `blocks`, as `chat.postMessage` and `chat.postEphemeral` require. */
function messageContent(args: Args): Result {
  const text = str(args.text);
  const { blocks, errors } = args.blocks === undefined ? {} : checkBlocks(args.blocks);
  if (errors) return { ok: false, error: "invalid_blocks", errors, response_metadata: { messages: errors } };
  if (!text && !blocks?.length && !args.attachments) return { ok: false, error: "no_text" };
  if (text.length > 40_000) return { ok: false, error: "msg_too_long" };
  return { ok: true, message: { text, ...(blocks ? { blocks } : {}) } };
}

/** Query-string, form-encoded, multipart or JSON arguments; undefined for malformed JSON. */
async function readArgs(req: Request): Promise<{ args: Args; form: boolean } | undefined> {
  const args: Args = Object.fromEntries(new URL(req.url).searchParams);
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const body = await req.json();
      return { args: { ...args, ...(body as Args) }, form: false };
    } catch {
      return undefined;
    }
  }
  if (type.includes("multipart/form-data")) {
    const form = await req.formData();
    form.forEach((value, key) => {
      if (typeof value === "string") args[key] = value;
    });
    return { args, form: true };
  }
  for (const [key, value] of new URLSearchParams(await req.text())) args[key] = value;
  return { args, form: true };
}

function slackFault(fault: Fault): Response {
  if (fault.status === 429) return rateLimited(fault.retryAfter ?? 1);
  if (typeof fault.body === "string")
    return new Response(fault.body, { status: fault.status, headers: { "content-type": "text/html" } });
  return json(
    fault.body ?? { ok: false, error: fault.status === 200 ? "fatal_error" : "internal_error" },
    fault.status,
  );
}

function rateLimited(seconds: number): Response {
  return json({ ok: false, error: "ratelimited" }, 429, { "retry-after": String(Math.max(1, seconds)) });
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

function str(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}
