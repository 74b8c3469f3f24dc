/**
 * The keys stored tokens are encrypted with. `TOKEN_ENCRYPTION_KEYS` is a comma-separated list of
 * `kid:base64key` entries, the first one active (new values are written under it); the others
 * only read what was written before. A lone `TOKEN_ENCRYPTION_KEY` is a one-key ring with id `k0`.
 * Rotating: put a new key first, keep the old one after it until the re-encryption job has moved
 * every row (the health page says when), then drop it.
 */

import { type KeySecrets, parseKeyEntries } from "./key-entries.ts";

export { KeyRingError, type KeySecrets, parseKeyEntries, SINGLE_KEY_ID } from "./key-entries.ts";

export interface RingKey {
  readonly id: string;
  readonly key: CryptoKey;
}

export interface KeyRing {
  /** The key new values are encrypted with: the first entry. */
  readonly active: RingKey;
  readonly keys: ReadonlyMap<string, RingKey>;
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
