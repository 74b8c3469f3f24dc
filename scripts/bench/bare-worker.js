/**
 * The runtime's floor for `npm run bench`: a Worker that does only what any Slack endpoint must do
 * (check the timestamp, verify the HMAC-SHA256 signature of `v0:{ts}:{body}`) and answers a small
 * JSON body. guyub's throughput is reported as a fraction of this one's.
 */

import { fresh, hexToBytes, refuse } from "./bare-shared.js";

const encoder = new TextEncoder();
/** The imported key, once per isolate and secret: importKey costs more than the HMAC itself. */
let cached;

function hmacKey(secret) {
  if (cached?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    cached = { secret, key };
  }
  return cached.key;
}

export default {
  async fetch(request, env) {
    const ts = request.headers.get("x-slack-request-timestamp") ?? "";
    const signature = request.headers.get("x-slack-signature") ?? "";
    if (!fresh(ts)) return refuse("stale");
    const expected = signature.startsWith("v0=") ? hexToBytes(signature.slice(3)) : null;
    if (!expected) return refuse("malformed");
    // arrayBuffer + TextDecoder, like guyub: `.text()` on a form body makes workerd log a warning.
    const body = new TextDecoder().decode(await request.arrayBuffer());
    // subtle.verify compares in constant time.
    const ok = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(env.SLACK_SIGNING_SECRET),
      expected,
      encoder.encode(`v0:${ts}:${body}`),
    );
    if (!ok) return refuse("bad_signature");
    return new Response(JSON.stringify({ ok: true, text: "bare worker" }), {
      headers: { "content-type": "application/json" },
    });
  },
};
