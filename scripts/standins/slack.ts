import { Hono } from "hono";
import { slackChannelError, slackTokenError } from "./access.ts";
import type { LimitSpec } from "./config.ts";
import { delay, type Fault, faultRetryMs, slackRetryAfter } from "./faults.ts";
import { answer } from "./respond.ts";
import { checkBlocks } from "./slack-data.ts";
import { receiveUpload } from "./slack-files.ts";
import { type Args, METHODS, str } from "./slack-methods.ts";
import { addSlackOauthRoutes, oauthAccess } from "./slack-oauth.ts";
import type { StandinState } from "./state.ts";
import { slackLine } from "./transcript.ts";

/** Slack lets a response_url be used at most five times. */
const RESPONSE_URL_USES = 5;
type Reply = [status: number, body: unknown, headers?: Record<string, string>];

/**
 * A stand-in of the Slack Web API subset guyub calls, plus a response_url target. Mount it at
 * `/slack`: `POST /slack/api/:method`, `POST /slack/response/:id`. Like Slack, API errors are
 * HTTP 200 with `ok: false`, except rate limits (429 + Retry-After) and unknown methods (404).
 */
export function createSlackStandin(state: StandinState): Hono {
  const app = new Hono();

  addSlackOauthRoutes(app, state);

  // Slack takes GET with query arguments as well as POST.
  app.on(["GET", "POST"], "/api/:method", async (c) => {
    const method = c.req.param("method");
    if (method === "oauth.v2.access") {
      // Authenticated by the app's client id and secret, not by a token. Faults apply (a slow Slack).
      const fault = state.takeFault("slack", `${method} `);
      if (fault?.delayMs) await delay(fault.delayMs, c.req.raw.signal);
      if (fault?.status) return answer(state, "slack", method, slackFault(fault, state));
      const parsed = await readArgs(c.req.raw);
      const result = parsed ? oauthAccess(state, parsed.args) : { ok: false, error: "invalid_arguments" };
      state.stats.note("slack", method, 200, result);
      if (result.ok)
        state.record(
          "slack",
          method,
          "/api/oauth.v2.access",
          { grant: parsed?.args.grant_type ?? "code" },
          { ok: true },
        );
      return c.json(result);
    }
    const [key, reply] = await callMethod(state, method, c.req.raw);
    return answer(state, "slack", key, reply);
  });

  // files.getUploadURLExternal's upload_url: the bytes of one file, raw or multipart.
  app.post("/upload/:fileId", async (c) => {
    const [status, body] = await receiveUpload(state, c.req.param("fileId"), c.req.raw);
    state.stats.note("slack", "upload", status, status === 200 ? body : { ok: false, error: body });
    return c.text(body, status as 200);
  });

  // Slack's hooks.slack.com/commands/... target: plain-text answers, five uses per URL.
  app.post("/response/:id{.+}", async (c) => {
    const id = c.req.param("id");
    const fault = state.takeFault("slack", `response_url ${id}`);
    if (fault?.delayMs) await delay(fault.delayMs, c.req.raw.signal);
    if (fault?.status) return answer(state, "slack", "response_url", slackFault(fault, state));
    const text = (status: number, body: string) => {
      state.stats.note("slack", "response_url", status, status === 200 ? body : { ok: false, error: body });
      return c.text(body, status as 200);
    };
    const uses = state.responseUrlUses.get(id) ?? 0;
    if (uses >= RESPONSE_URL_USES) return text(404, "used_url");
    let body: Args;
    try {
      body = (await c.req.json()) as Args;
    } catch {
      return text(400, "invalid_payload");
    }
    const { blocks, errors } = body.blocks === undefined ? {} : checkBlocks(body.blocks);
    if (errors) return text(400, "invalid_blocks");
    if (!str(body.text) && !blocks?.length && !body.delete_original) return text(400, "no_text");
    state.responseUrlUses.set(id, uses + 1);
    state.record("slack", "response_url", `/response/${id}`, body, "ok");
    state.say(slackLine("response_url", body));
    return text(200, "ok");
  });

  return app;
}

/** One Web API call, in Slack's order: arguments, injected faults, auth, rate limits, access, method. */
async function callMethod(state: StandinState, method: string, req: Request): Promise<[string, Reply]> {
  const handler = METHODS[method];
  if (!handler) return [method, [404, { ok: false, error: "unknown_method", req_method: method }]];
  const parsed = await readArgs(req);
  if (!parsed) return [method, [200, { ok: false, error: "invalid_json" }]];
  const { token: bodyToken, ...args } = parsed.args;
  const channel = str(args.channel);

  const fault = state.takeFault("slack", `${method} ${channel}`);
  if (fault?.delayMs) await delay(fault.delayMs, req.signal);
  if (fault?.status) return [method, slackFault(fault, state)];

  // Slack reads the token from the Authorization header, or from a form field (never from JSON).
  const token = bearer(req.headers.get("authorization")) ?? (parsed.form ? str(bodyToken) : "");
  const authError = !token
    ? "not_authed"
    : (slackTokenError(state, token) ?? (state.config.slackTokens.includes(token) ? "" : "invalid_auth"));
  if (authError) return [method, [200, { ok: false, error: authError }]];

  const refused = rateLimit(state, method, token, channel);
  if (refused) return refused;

  // A lost channel refuses what the bot would do there; conversations.info describes it instead.
  const lost = method === "conversations.info" ? undefined : slackChannelError(state, channel);
  if (lost) return [method, [200, { ok: false, error: lost }]];
  const result = handler(args, { state, token, mount: slackMount(req) });
  if (result.ok) {
    state.record("slack", method, `/api/${method}`, args, result);
    state.say(slackLine(method, args, result));
  }
  return [method, [200, result]];
}

/**
 * Counts the call against its method's limit (per token; chat.postMessage per channel, plus its
 * workspace-wide cap); returns the 429 if any window is full, keyed by that window's name.
 */
function rateLimit(
  state: StandinState,
  method: string,
  token: string,
  channel: string,
): [string, Reply] | undefined {
  const limits = state.config.slackLimits;
  const checks: Array<[name: string, key: string, spec: LimitSpec | undefined]> =
    method === "chat.postMessage"
      ? [
          [method, `slack:${token}:${method}:${channel}`, limits[method]],
          [`${method}:workspace`, `slack:${token}:${method}:workspace`, limits[`${method}:workspace`]],
        ]
      : [[method, `slack:${token}:${method}`, limits[method]]];
  const active = checks.filter((check): check is [string, string, LimitSpec] => check[2] !== undefined);
  const results = state.take(active.map(([, key, spec]) => [key, spec]));
  let worst: [string, number] | undefined;
  results.forEach((r, i) => {
    if (!r.allowed && (!worst || r.retryAfterMs > worst[1]))
      worst = [active[i]?.[0] ?? method, r.retryAfterMs];
  });
  if (!worst) return undefined;
  return [worst[0], rateLimited(worst[1], state.config.timeScale)];
}

function slackFault(fault: Fault, state: StandinState): Reply {
  const status = fault.status ?? 500;
  if (status === 429 && fault.body === undefined)
    return rateLimited(faultRetryMs(fault, state.config.timeScale), state.config.timeScale);
  return [status, fault.body ?? { ok: false, error: status === 200 ? "fatal_error" : "internal_error" }];
}

function rateLimited(ms: number, timeScale: number): Reply {
  return [429, { ok: false, error: "ratelimited" }, { "retry-after": slackRetryAfter(ms, timeScale) }];
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

/** The stand-in's Slack mount as the caller reached it (a test namespace's prefix included). */
function slackMount(req: Request): string {
  const u = new URL(req.url);
  const prefix = req.headers.get("x-standin-prefix") ?? "";
  return `${u.origin}${prefix}${u.pathname.replace(/\/api\/[^/]*$/, "")}`;
}

function bearer(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}
