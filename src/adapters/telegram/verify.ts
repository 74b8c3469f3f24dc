import type { VerifyResult } from "../verify-result.ts";

const encoder = new TextEncoder();

/**
 * Checks `X-Telegram-Bot-Api-Secret-Token` against the secret `setWebhook` was given. Telegram
 * signs nothing: this shared secret is the whole proof that an update came from Telegram, so it
 * is compared in constant time (both sides hashed first, so neither length leaks either).
 */
export async function verifyTelegramSecret(expected: string, received: string | null): Promise<VerifyResult> {
  if (received === null || received === "") return { ok: false, reason: "missing_headers" };
  const [a, b] = await Promise.all([digest(expected), digest(received)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0 ? { ok: true } : { ok: false, reason: "bad_signature" };
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}
