import { hexBytes } from "../hex.ts";
import { checkTimestamp, type VerifyResult } from "../verify-result.ts";

const encoder = new TextEncoder();

export interface SlackSignedRequest {
  readonly signature: string | null;
  readonly timestamp: string | null;
  readonly rawBody: string;
}

/**
 * Verifies Slack's `v0` request signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the
 * signing secret, compared in constant time, with a 5-minute window in both directions.
 * The clock is injected so tests can pin it to a known-answer vector.
 */
export async function verifySlackRequest(
  signingSecret: string,
  request: SlackSignedRequest,
  now: Date,
): Promise<VerifyResult> {
  if (!request.signature || !request.timestamp) return { ok: false, reason: "missing_headers" };
  const fresh = checkTimestamp(request.timestamp, now);
  if (!fresh.ok) return fresh;
  if (!/^v0=[0-9a-f]{64}$/.test(request.signature)) return { ok: false, reason: "bad_signature" };

  // subtle.verify compares in constant time, without hex-encoding our own MAC to compare strings.
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(signingSecret),
    hexBytes(request.signature.slice(3)),
    encoder.encode(`v0:${request.timestamp}:${request.rawBody}`),
  );
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}

/** Signs a body the way Slack does; used by the signing CLI, the bench and tests. */
export async function signSlackRequest(
  signingSecret: string,
  timestamp: string,
  rawBody: string,
): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(signingSecret),
    encoder.encode(`v0:${timestamp}:${rawBody}`),
  );
  return `v0=${toHex(new Uint8Array(mac))}`;
}

// Importing the key costs more than the HMAC itself; one key per secret per isolate.
const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
}

function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
