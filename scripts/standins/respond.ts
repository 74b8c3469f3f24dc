/** Building the platform answers, counted in the stats on the way out. */
import type { Platform } from "./config.ts";
import type { StandinState } from "./state.ts";

/** A JSON response with extra headers; status codes are dynamic here, hence not `c.json`. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** Counts an answer in the stats, then builds it: string bodies go out as HTML (Cloudflare's pages). */
export function answer(
  state: StandinState,
  platform: Platform,
  key: string,
  [status, body, headers = {}]: [number, unknown, Record<string, string>?],
): Response {
  state.stats.note(platform, key, status, body);
  if (typeof body === "string")
    return new Response(body, { status, headers: { "content-type": "text/html", ...headers } });
  return json(body, status, headers);
}
