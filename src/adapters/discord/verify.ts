import { verifyKey } from "discord-interactions";
import { checkTimestamp, type VerifyResult } from "../verify-result.ts";

export interface DiscordSignedRequest {
  readonly signature: string | null;
  readonly timestamp: string | null;
  readonly rawBody: string;
}

/**
 * Verifies Discord's Ed25519 signature (timestamp + raw body) with discord-interactions, and
 * adds the 5-minute timestamp window Discord itself does not enforce. Discord probes endpoints
 * with bad signatures on purpose: anything but a valid one is refused.
 */
export async function verifyDiscordRequest(
  publicKeyHex: string,
  request: DiscordSignedRequest,
  now: Date,
): Promise<VerifyResult> {
  if (!request.signature || !request.timestamp) return { ok: false, reason: "missing_headers" };
  const fresh = checkTimestamp(request.timestamp, now);
  if (!fresh.ok) return fresh;
  if (!/^[0-9a-f]{128}$/i.test(request.signature)) return { ok: false, reason: "bad_signature" };
  const valid = await verifyKey(
    request.rawBody,
    request.signature,
    request.timestamp,
    await publicKey(publicKeyHex),
  );
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}

// Importing the key per request would double the cost of verification; keep one per isolate.
const keys = new Map<string, Promise<CryptoKey>>();
function publicKey(hex: string): Promise<CryptoKey> {
  let key = keys.get(hex);
  if (!key) {
    const bytes = new Uint8Array(hex.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []);
    key = crypto.subtle.importKey("raw", bytes, { name: "Ed25519" }, false, ["verify"]);
    keys.set(hex, key);
  }
  return key;
}
