/**
 * The key ring's configuration, parsed but not imported: pure (no WebCrypto key, no Worker types),
 * so setup can check a ring on the operator's machine. See key-ring.ts.
 */

/** Key ids go into every envelope: short, and free of the envelope's `:` separator. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** The id of the key a lone `TOKEN_ENCRYPTION_KEY` becomes. */
export const SINGLE_KEY_ID = "k0";

/** Why the configured keys cannot be used; the message names the entry, never a key. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRingError";
  }
}

export interface KeySecrets {
  readonly TOKEN_ENCRYPTION_KEYS?: string;
  readonly TOKEN_ENCRYPTION_KEY?: string;
}

/** The configured entries, checked but not imported: ids in order, each key's raw bytes. */
export function parseKeyEntries(secrets: KeySecrets): { id: string; raw: Uint8Array }[] {
  const list = secrets.TOKEN_ENCRYPTION_KEYS?.trim();
  const single = secrets.TOKEN_ENCRYPTION_KEY?.trim();
  if (!list && !single)
    throw new KeyRingError(
      "No encryption key: set TOKEN_ENCRYPTION_KEYS (kid:base64key, comma-separated) or TOKEN_ENCRYPTION_KEY.",
    );
  const entries = list
    ? list.split(",").map((entry, i) => {
        const colon = entry.indexOf(":");
        if (colon < 0) throw new KeyRingError(`TOKEN_ENCRYPTION_KEYS entry ${i + 1} is not "kid:base64key".`);
        return {
          id: entry.slice(0, colon).trim(),
          key: entry.slice(colon + 1).trim(),
          where: `entry ${i + 1}`,
        };
      })
    : [{ id: SINGLE_KEY_ID, key: single ?? "", where: "TOKEN_ENCRYPTION_KEY" }];
  const seen = new Set<string>();
  return entries.map(({ id, key, where }) => {
    if (!KEY_ID.test(id))
      throw new KeyRingError(`The key id of ${where} must be 1–32 letters, digits, "_" or "-".`);
    if (seen.has(id)) throw new KeyRingError(`The key id "${id}" appears twice in TOKEN_ENCRYPTION_KEYS.`);
    seen.add(id);
    const raw = base64Bytes(key);
    if (raw?.length !== 32)
      throw new KeyRingError(`The key "${id}" must be base64 of exactly 32 bytes (openssl rand -base64 32).`);
    return { id, raw };
  });
}

function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
