import { hexBytes } from "../hex.ts";
import { checkTimestamp, type VerifyResult } from "../verify-result.ts";

const encoder = new TextEncoder();

export interface DiscordSignedRequest {
  readonly signature: string | null;
  readonly timestamp: string | null;
  readonly rawBody: string;
}

/**
 * Verifies Discord's Ed25519 signature of `timestamp + raw body` with WebCrypto, and adds the
 * 5-minute timestamp window Discord itself does not enforce. Discord probes endpoints with bad
 * signatures on purpose: anything but a valid one is refused. The check is the one
 * discord-interactions' `verifyKey` makes (`subtle.verify` Ed25519 over the concatenated
 * bytes, false on any error), without its per-call copies and generator wrapper.
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
  let valid = false;
  try {
    // The timestamp is digits only (checked above), so encoding the joined text equals joining the bytes.
    valid = await crypto.subtle.verify(
      "Ed25519",
      await publicKey(publicKeyHex),
      hexBytes(request.signature),
      encoder.encode(request.timestamp + request.rawBody),
    );
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}

// Importing the key per request would double the cost of verification; keep one per isolate.
const keys = new Map<string, Promise<CryptoKey>>();
function publicKey(hex: string): Promise<CryptoKey> {
  let key = keys.get(hex);
  if (!key) {
    key = crypto.subtle.importKey("raw", hexBytes(hex), { name: "Ed25519" }, false, ["verify"]);
    keys.set(hex, key);
  }
  return key;
}
