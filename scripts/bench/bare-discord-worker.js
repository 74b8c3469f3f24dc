/**
 * The runtime's floor for a Discord endpoint in `npm run bench`: a Worker that does only what any
 * Discord interactions endpoint must do (check the timestamp, verify the Ed25519 signature of
 * `{timestamp}{body}` with the application's public key) and answers a small type-4 reply.
 * guyub Discord's throughput is reported against this one as well as against the Slack one.
 */

import { fresh, hexToBytes, refuse } from "./bare-shared.js";

const encoder = new TextEncoder();
/** The imported key, once per isolate and key: importKey costs more than a verification. */
let cached;

function publicKey(hex) {
  if (cached?.hex !== hex) {
    const key = crypto.subtle.importKey("raw", hexToBytes(hex), { name: "Ed25519" }, false, ["verify"]);
    cached = { hex, key };
  }
  return cached.key;
}

export default {
  async fetch(request, env) {
    const ts = request.headers.get("x-signature-timestamp") ?? "";
    const signature = hexToBytes(request.headers.get("x-signature-ed25519") ?? "");
    if (!fresh(ts)) return refuse("stale");
    if (signature?.length !== 64) return refuse("malformed");
    // arrayBuffer + TextDecoder, like guyub and the Slack bare worker.
    const body = new TextDecoder().decode(await request.arrayBuffer());
    const ok = await crypto.subtle.verify(
      "Ed25519",
      await publicKey(env.DISCORD_PUBLIC_KEY),
      signature,
      encoder.encode(ts + body),
    );
    if (!ok) return refuse("bad_signature");
    return new Response(JSON.stringify({ type: 4, data: { content: "bare worker", flags: 64 } }), {
      headers: { "content-type": "application/json" },
    });
  },
};
