import type { Context } from "hono";
import { type Fault, json, type StandinState } from "./state.ts";

/* Discord's HTTP mechanics shared by every stand-in route: auth, rate-limit buckets, errors. */

/** Where the Discord stand-in is mounted, like Discord's own `/api/v10`. */
export const DISCORD_BASE = "/discord/api/v10";

type Obj = Record<string, unknown>;
export type Reply = [status: number, body: unknown];
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

/** Fault, auth, global and bucket rate limits, body parsing, then the handler; records 2xx calls. */
export async function route(
  c: Context,
  state: StandinState,
  o: RouteOptions,
  handler: (body: unknown) => Reply,
): Promise<Response> {
  const mount = c.req.path.indexOf(DISCORD_BASE);
  const path = mount < 0 ? c.req.path : c.req.path.slice(mount + DISCORD_BASE.length);
  const fault = state.takeFault("discord", `${c.req.method} ${path}`);
  if (fault) return discordFault(fault, o.bucket);
  const limits = state.config.discordLimits;
  if (o.botAuth) {
    if (c.req.header("authorization") !== `Bot ${state.config.discordBotToken}`)
      return json({ message: "401: Unauthorized", code: 0 }, 401);
    const global = state.hit("discord:global", limits.global ?? { limit: 0, windowMs: 1 });
    if (!global.allowed) return tooMany(global.retryAfterMs / 1000, true, { "x-ratelimit-global": "true" });
  }
  const spec = limits[o.bucket] ?? { limit: 0, windowMs: 1 };
  const rate = state.hit(`discord:${o.bucket}:${o.major}`, spec);
  const resetAfter = rate.retryAfterMs / 1000;
  const headers: Record<string, string> = {
    "x-ratelimit-limit": String(rate.limit),
    "x-ratelimit-remaining": String(rate.remaining),
    "x-ratelimit-reset": ((Date.now() + rate.retryAfterMs) / 1000).toFixed(3),
    "x-ratelimit-reset-after": resetAfter.toFixed(3),
    "x-ratelimit-bucket": bucketHash(o.bucket),
  };
  if (!rate.allowed) return tooMany(resetAfter, false, headers);

  let body: unknown;
  if (c.req.method !== "GET") {
    try {
      const type = c.req.header("content-type") ?? "";
      body = type.includes("multipart/form-data")
        ? JSON.parse(String((await c.req.formData()).get("payload_json") ?? "{}"))
        : await c.req.json();
    } catch {
      return json({ message: "The request body contains invalid JSON.", code: 50109 }, 400, headers);
    }
  }
  const [status, reply] = handler(body);
  if (status < 300) state.record("discord", c.req.method, path, body ?? null, reply);
  return json(reply, status, headers);
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

function discordFault(fault: Fault, bucket: string): Response {
  if (typeof fault.body === "string")
    return new Response(fault.body, { status: fault.status, headers: { "content-type": "text/html" } });
  if (fault.status === 429 && fault.body === undefined)
    return tooMany(fault.retryAfter ?? 1, false, {
      "x-ratelimit-bucket": bucketHash(bucket),
      "x-ratelimit-remaining": "0",
    });
  return json(fault.body ?? { message: `${fault.status}: Injected fault`, code: 0 }, fault.status);
}

function tooMany(seconds: number, global: boolean, headers: Record<string, string>): Response {
  const retryAfter = Math.max(0.001, Number(seconds.toFixed(3)));
  return json({ message: "You are being rate limited.", retry_after: retryAfter, global }, 429, {
    ...headers,
    "retry-after": String(Math.ceil(retryAfter)),
    "x-ratelimit-scope": global ? "global" : "user",
  });
}

/** Discord's bucket ids are opaque hashes; a stable FNV-1a of the bucket name will do. */
function bucketHash(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
