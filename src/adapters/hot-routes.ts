import type { Hono } from "hono";
import { HttpError } from "../core/errors.ts";
import type { AppEnv } from "../env.ts";
import { MAX_BODY_BYTES } from "./read-body.ts";

/** A route's work without Hono's context: the request, the bindings and `waitUntil`. */
export type HotHandler = (
  request: Request,
  env: AppEnv,
  waitUntil: (promise: Promise<unknown>) => void,
) => Promise<Response>;

/** The app's `fetch`, as Hono types it. */
export type Fetch = Hono<{ Bindings: AppEnv }>["fetch"];

/**
 * The two routes every command takes (`POST /slack/commands`, `POST /discord/interactions`),
 * answered before Hono's router, middleware chain and context: they cost about as much per
 * request as guyub's own work for a kept help page. The routes stay registered in Hono, which
 * still answers anything this is not sure of: another method or path (also one spelt with `%`
 * escapes, which Hono decodes), no `ExecutionContext`, a body without a `content-length` or with a `transfer-encoding`
 * (Hono's body limit streams those). What it does take gets Hono's answers: the same 413 for a
 * declared length above the limit (checked before the body is read, as Hono's `bodyLimit`
 * does), the same handler, and errors mapped by the app's own `errorResponse`
 * (test/hot-routes.test.ts compares the two paths byte for byte).
 */
export function withHotRoutes(
  fallback: Fetch,
  routes: ReadonlyMap<string, HotHandler>,
  errorResponse: (error: unknown) => Response,
): Fetch {
  return (request, env, ctx) => {
    const handler = request.method === "POST" ? routes.get(exactPath(request.url)) : undefined;
    if (!handler || !env || !ctx || !request.body) return fallback(request, env, ctx);
    const headers = request.headers;
    const length = headers.get("content-length");
    if (length === null || headers.has("transfer-encoding")) return fallback(request, env, ctx);
    // Hono's bodyLimit reads the declared length the same way (parseInt, a bad value as 0).
    if (Number.parseInt(length || "0", 10) > MAX_BODY_BYTES) return errorResponse(tooLarge());
    try {
      return handler(request, env as AppEnv, (promise) => ctx.waitUntil(promise)).catch(errorResponse);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The same refusal as the app's body limit (app.ts). */
export function tooLarge(): HttpError {
  return new HttpError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
}

/**
 * The path as Hono's router reads it (from the first `/` after the scheme's `://`, up to `?` or
 * `#`), undecoded: a path spelt with `%` escapes matches no key and goes the long way.
 */
function exactPath(url: string): string {
  const start = url.indexOf("/", url.indexOf(":") + 4);
  if (start < 0) return "";
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code === 63 || code === 35) {
      end = i;
      break;
    }
  }
  return url.slice(start, end);
}
