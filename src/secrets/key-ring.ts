/**
 * The keys stored tokens are encrypted with. `TOKEN_ENCRYPTION_KEYS` is a comma-separated list of
 * `kid:base64key` entries, the first one active (new values are written under it); the others
 * only read what was written before. A lone `TOKEN_ENCRYPTION_KEY` is a one-key ring with id `k0`.
 * Rotating: put a new key first, keep the old one after it until the re-encryption job has moved
 * every row (the health page says when), then drop it.
 */

/** Key ids go into every envelope: short, and free of the envelope's `:` separator. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** The id of the key a lone `TOKEN_ENCRYPTION_KEY` becomes. */
export const SINGLE_KEY_ID = "k0";

export interface RingKey {
  readonly id: string;
  readonly key: CryptoKey;
}

export interface KeyRing {
  /** The key new values are encrypted with: the first entry. */
  readonly active: RingKey;
  readonly keys: ReadonlyMap<string, RingKey>;
}

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

const rings = new Map<string, Promise<KeyRing>>();

/**
 * The key ring from the secrets, imported once per isolate (and per secret text). Throws
 * `KeyRingError` when no key is set or an entry is malformed.
 */
export function keyRing(secrets: KeySecrets): Promise<KeyRing> {
  const cacheKey = `${secrets.TOKEN_ENCRYPTION_KEYS ?? ""}\n${secrets.TOKEN_ENCRYPTION_KEY ?? ""}`;
  let ring = rings.get(cacheKey);
  if (!ring) {
    let entries: { id: string; raw: Uint8Array }[];
    try {
      entries = parseKeyEntries(secrets);
    } catch (error) {
      return Promise.reject(error);
    }
    ring = importRing(entries);
    rings.set(cacheKey, ring);
    // A few secret texts per isolate at most (a rotation adds one): keep the map from growing.
    if (rings.size > 8) rings.delete(rings.keys().next().value as string);
  }
  return ring;
}

async function importRing(entries: { id: string; raw: Uint8Array }[]): Promise<KeyRing> {
  const keys = new Map<string, RingKey>();
  for (const { id, raw } of entries) {
    const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    keys.set(id, { id, key });
  }
  return { active: keys.get(entries[0]?.id ?? "") as RingKey, keys };
}

function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
