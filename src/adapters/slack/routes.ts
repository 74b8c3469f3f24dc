import { Hono } from "hono";
import { DEFAULT_SLACK_API_URL } from "../../api-defaults.ts";
import { HttpError } from "../../core/errors.ts";
import type { CoreDeps } from "../../core/handle-command.ts";
import { createDb } from "../../db/client.ts";
import { revokeInstallation } from "../../db/installations.ts";
import type { AppEnv } from "../../env.ts";
import type { HotHandler } from "../hot-routes.ts";
import { readRawBody } from "../read-body.ts";
import { assertVerified } from "../verify-result.ts";
import { createSlackApp, type SlackApp } from "./bolt-app.ts";
import { formEntries } from "./form.ts";
import { eventEnvelope, interactionPayload } from "./payloads.ts";
import { parseSlashCommand } from "./quick-payload.ts";
import type { DispatchOptions } from "./receiver.ts";
import type { SlackRequestContext } from "./request-context.ts";
import { cachedTokens, slackTokens } from "./tokens.ts";
import { verifySlackRequest } from "./verify.ts";

/** How long an isolate reuses a workspace's token on the request path (sending asks afresh). */
const TOKEN_CACHE_MS = 30_000;

/** The isolate's token caches, per D1 binding and configuration (shared by every app built in it). */
const tokenCaches = new WeakMap<D1Database, Map<string, ReturnType<typeof cachedTokens>>>();
function isolateTokens(
  env: AppEnv,
  key: string,
  build: () => ReturnType<typeof cachedTokens>,
): ReturnType<typeof cachedTokens> {
  let byKey = tokenCaches.get(env.DB);
  if (!byKey) {
    byKey = new Map();
    tokenCaches.set(env.DB, byKey);
  }
  let tokens = byKey.get(key);
  if (!tokens) {
    tokens = build();
    byKey.set(key, tokens);
  }
  return tokens;
}

export interface SlackRouteOptions {
  readonly core: (env: AppEnv) => CoreDeps;
  /** The clock request signatures are checked against. */
  readonly verifyNow: () => Date;
  readonly replyDeadlineMs?: number;
}

type Env = { Bindings: AppEnv };
type Context = { env: AppEnv; executionCtx: { waitUntil(promise: Promise<unknown>): void } };

/**
 * `/slack/commands`, `/slack/interactions`, `/slack/events`. Order on every route: answer an
 * unsigned `ssl_check`, verify the signature and timestamp, then parse, then hand to Bolt (a slash
 * command goes straight to the command listener Bolt would call: direct-command.ts).
 */
export function slackRoutes(options: SlackRouteOptions): { routes: Hono<Env>; commands: HotHandler } {
  const routes = new Hono<Env>();
  // One Bolt app per D1 binding and configuration (an isolate sees one of each in production).
  const apps = new WeakMap<D1Database, Map<string, SlackApp>>();
  const slackApp = (env: AppEnv): SlackApp => {
    const apiUrl = env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
    const key = [env.SLACK_BOT_TOKEN, env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_KEY, apiUrl].join("\n");
    let byKey = apps.get(env.DB);
    if (!byKey) {
      byKey = new Map();
      apps.set(env.DB, byKey);
    }
    let app = byKey.get(key);
    if (!app) {
      const db = createDb(env.DB);
      const now = options.core(env).now;
      const tokens = isolateTokens(env, key, () =>
        cachedTokens(slackTokens({ db, secrets: env, apiUrl, now }), TOKEN_CACHE_MS, () => now().getTime()),
      );
      app = createSlackApp({
        tokenFor: tokens,
        revoke: async (workspaceId) => {
          tokens.forget(workspaceId);
          await revokeInstallation(db, workspaceId, now());
        },
        apiUrl,
      });
      byKey.set(key, app);
    }
    return app;
  };

  const verified = async (request: Request, env: AppEnv, raw: string) => {
    if (!env.SLACK_SIGNING_SECRET) throw new HttpError("not_configured", "SLACK_SIGNING_SECRET is not set.");
    const result = await verifySlackRequest(
      env.SLACK_SIGNING_SECRET,
      {
        signature: request.headers.get("x-slack-signature"),
        timestamp: request.headers.get("x-slack-request-timestamp"),
        rawBody: raw,
      },
      options.verifyNow(),
    );
    assertVerified(result, "Slack");
  };

  const dispatchOptions = (
    env: AppEnv,
    waitUntil: (promise: Promise<unknown>) => void,
    retry?: Request,
  ): DispatchOptions => {
    const guyub: SlackRequestContext = {
      core: options.core(env),
      replyDeadlineMs: options.replyDeadlineMs ?? 2000,
    };
    const retryNum = retry?.headers.get("x-slack-retry-num");
    return {
      customProperties: { guyub },
      waitUntil,
      retryNum: retryNum ? Number(retryNum) : undefined,
      retryReason: retry?.headers.get("x-slack-retry-reason") ?? undefined,
    };
  };
  const dispatch = (c: Context, body: Record<string, unknown>, retry?: Request) =>
    slackApp(c.env).receiver.dispatch(
      body,
      dispatchOptions(c.env, (promise) => c.executionCtx.waitUntil(promise), retry),
    );

  // Also answered before Hono's router (hot-routes.ts): every slash command comes here.
  const commands: HotHandler = async (request, env, waitUntil) => {
    const raw = await readRawBody(request);
    // One parse of the form serves the ssl_check test and, once verified, the command.
    const form = formEntries(raw);
    if (isSslCheck(raw, form)) return new Response(null, { status: 200 });
    await verified(request, env, raw);
    const parsed = parseSlashCommand(Object.fromEntries(form));
    if (!parsed.success) throw new HttpError("malformed_payload", "Not a Slack slash-command payload.");
    // The command listener Bolt would run, without Bolt's dispatch (direct-command.ts).
    return slackApp(env).command(parsed.data, dispatchOptions(env, waitUntil));
  };
  routes.post("/commands", (c) => commands(c.req.raw, c.env, (p) => c.executionCtx.waitUntil(p)));

  routes.post("/interactions", async (c) => {
    const raw = await readRawBody(c.req.raw);
    if (isSslCheck(raw)) return c.body(null, 200);
    await verified(c.req.raw, c.env, raw);
    const payload = parseJson(new URLSearchParams(raw).get("payload"));
    const parsed = interactionPayload.safeParse(payload);
    if (!parsed.success) throw new HttpError("malformed_payload", "Not a Slack interactivity payload.");
    return dispatch(c, parsed.data);
  });

  routes.post("/events", async (c) => {
    const raw = await readRawBody(c.req.raw);
    await verified(c.req.raw, c.env, raw);
    const parsed = eventEnvelope.safeParse(parseJson(raw));
    if (!parsed.success) {
      // Unknown envelope types are acknowledged: Slack counts non-2xx against the subscription.
      if (isObjectWithType(parseJson(raw))) return c.body(null, 200);
      throw new HttpError("malformed_payload", "Not a Slack Events API payload.");
    }
    const envelope = parsed.data;
    if (envelope.type === "url_verification") return c.json({ challenge: envelope.challenge });
    if (envelope.type === "app_rate_limited") return c.body(null, 200);
    return dispatch(c, envelope, c.req.raw);
  });

  return { routes, commands };
}

/** Slack's unsigned certificate check: a short form whose first `ssl_check` is "1". */
function isSslCheck(raw: string, form?: [string, string][]): boolean {
  return raw.length < 1024 && (form ?? formEntries(raw)).find(([name]) => name === "ssl_check")?.[1] === "1";
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObjectWithType(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}
