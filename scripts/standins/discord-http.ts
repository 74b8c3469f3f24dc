import type { Context } from "hono";
import { discordTokenRevoked } from "./access.ts";
import { readMultipart } from "./discord-files.ts";
import { delay, type Fault, faultRetryMs } from "./faults.ts";
import { answer } from "./respond.ts";
import type { StandinState } from "./state.ts";

/* Discord's HTTP mechanics shared by every stand-in route: auth, rate-limit buckets, errors. */

/** Where the Discord stand-in is mounted, like Discord's own `/api/v10`. */
export const DISCORD_BASE = "/discord/api/v10";

type Obj = Record<string, unknown>;
export type Reply = [status: number, body: unknown];
type Headers = Record<string, string>;
export interface RouteOptions {
  /** Rate-limit bucket name (a key of `config.discordLimits`) and its major parameter. */
  bucket: string;
  major: string;
  /** Interaction webhooks are authorized by their token, not the bot token. */
  botAuth: boolean;
}

export const formError = (errors: Obj): Reply => [400, { code: 50035, message: "Invalid Form Body", errors }];
export const fieldError = (field: string, code: string, message: string) =>
  formError({ [field]: { _errors: [{ code, message }] } });

/**
 * Faults, auth, the global and bucket limits (counted together: a refused call counts in
 * neither), body parsing, then the handler; records 2xx calls and counts every answer in the stats.
 */
export async function route(
  c: Context,
  state: StandinState,
  o: RouteOptions,
  handler: (body: unknown) => Reply,
): Promise<Response> {
  const mount = c.req.path.indexOf(DISCORD_BASE);
  const path = mount < 0 ? c.req.path : c.req.path.slice(mount + DISCORD_BASE.length);
  const send = (key: string, [status, body]: Reply, headers: Headers = {}) =>
    answer(state, "discord", key, [status, body, headers]);
  const fault = state.takeFault("discord", `${c.req.method} ${path}`);
  if (fault?.delayMs) await delay(fault.delayMs, c.req.raw.signal);
  if (fault?.status) return discordFault(state, fault, o.bucket);

  const limits = state.config.discordLimits;
  const token = /^Bot (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  if (o.botAuth && (token !== state.config.discordBotToken || discordTokenRevoked(state, token)))
    return send(o.bucket, [401, { message: "401: Unauthorized", code: 0 }]);
  const spec = limits[o.bucket] ?? { limit: 0, windowMs: 1 };
  const bucketKey = `discord:${o.bucket}:${o.major}`;
  // Interaction webhooks are exempt from the global limit, as on Discord.
  const [rate, global] = state.take([
    [bucketKey, spec],
    ...(o.botAuth ? [["discord:global", limits.global ?? { limit: 0, windowMs: 1 }] as const] : []),
  ]);
  if (global && !global.allowed) return tooMany(state, "global", global.retryAfterMs / 1000, true, {});
  if (!rate) throw new Error("unreachable: one window per bucket");
  const resetAfter = rate.retryAfterMs / 1000;
  const headers: Headers = {
    "x-ratelimit-limit": String(rate.limit),
    "x-ratelimit-remaining": String(rate.remaining),
    "x-ratelimit-reset": ((Date.now() + rate.retryAfterMs) / 1000).toFixed(3),
    "x-ratelimit-reset-after": resetAfter.toFixed(3),
    "x-ratelimit-bucket": bucketHash(o.bucket),
  };
  if (!rate.allowed) return tooMany(state, o.bucket, resetAfter, false, headers);

  let body: unknown;
  if (c.req.method !== "GET") {
    try {
      const type = c.req.header("content-type") ?? "";
      body = type.includes("multipart/form-data")
        ? await readMultipart(await c.req.formData())
        : await c.req.json();
    } catch {
      return send(
        o.bucket,
        [400, { message: "The request body contains invalid JSON.", code: 50109 }],
        headers,
      );
    }
  }
  const [status, reply] = handler(body);
  if (status < 300) state.record("discord", c.req.method, path, body ?? null, reply);
  return send(o.bucket, [status, reply], headers);
}

/** Discord's message rules: content ≤ 2000, ≤ 10 embeds, not empty (creates), allowed_mentions sane. */
export function checkMessage(body: unknown, create: boolean): Reply | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return fieldError("_root", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType.");
  const b = body as Obj;
  if (
    b.content !== undefined &&
    b.content !== null &&
    (typeof b.content !== "string" || b.content.length > 2000)
  )
    return fieldError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  if (Array.isArray(b.embeds) && b.embeds.length > 10)
    return fieldError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  const mentions = b.allowed_mentions as { parse?: string[]; users?: unknown[] } | undefined;
  if (mentions?.parse?.includes("users") && mentions.users?.length)
    return fieldError(
      "allowed_mentions",
      "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
      'parse:["users"] and users: [ids...] are mutually exclusive.',
    );
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : Boolean(v));
  if (
    create &&
    !has(b.content) &&
    !has(b.embeds) &&
    !has(b.components) &&
    !has(b.sticker_ids) &&
    !has(b.attachments)
  )
    return [400, { message: "Cannot send an empty message", code: 50006 }];
  return undefined;
}

function discordFault(state: StandinState, fault: Fault, bucket: string): Response {
  const status = fault.status ?? 500;
  if (status === 429 && fault.body === undefined) {
    const seconds = faultRetryMs(fault, state.config.timeScale) / 1000;
    if (fault.global) return tooMany(state, "global", seconds, true, {});
    return tooMany(state, bucket, seconds, false, {
      "x-ratelimit-bucket": bucketHash(bucket),
      "x-ratelimit-remaining": "0",
    });
  }
  const body = fault.body ?? { message: `${status}: Injected fault`, code: 0 };
  return answer(state, "discord", bucket, [status, body]);
}

/**
 * Discord's 429: a JSON body with float `retry_after`, and the scope in headers. The Retry-After
 * header is whole seconds like Discord's, except under a time scale, where whole seconds would
 * be far too coarse: it then carries the same decimal seconds as the body.
 */
function tooMany(
  state: StandinState,
  key: string,
  seconds: number,
  global: boolean,
  headers: Headers,
): Response {
  const retryAfter = Math.max(0.001, Number(seconds.toFixed(3)));
  const body = { message: "You are being rate limited.", retry_after: retryAfter, global };
  return answer(state, "discord", key, [
    429,
    body,
    {
      ...headers,
      "retry-after": String(state.config.timeScale === 1 ? Math.ceil(retryAfter) : retryAfter),
      "x-ratelimit-scope": global ? "global" : "user",
      ...(global ? { "x-ratelimit-global": "true" } : {}),
    },
  ]);
}

/** Discord's bucket ids are opaque hashes; a stable FNV-1a of the bucket name will do. */
function bucketHash(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
