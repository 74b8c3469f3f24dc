import { createHmac } from "node:crypto";
import { type RawBuilder, sql } from "kysely";
import { type KeySecrets, parseKeyEntries } from "../secrets/key-entries.ts";

/** The secrets a forgotten person's hash is keyed with (src/env.ts names them). */
export interface ForgetSecrets extends KeySecrets {
  /** A secret of its own, so rotating the token key ring never touches the forgotten list. */
  readonly FORGET_HASH_SALT?: string;
}

/**
 * How a platform user id becomes the hash `forgotten_members` keeps: HMAC-SHA256, hex. Synchronous
 * (`node:crypto` under `nodejs_compat`), so the statements of a batch can carry it without a
 * WebCrypto await in every effect's path.
 */
export interface ForgetHasher {
  /** The hash a new row is written with; null when no salt is configured. */
  hash(userId: string): string | null;
  /**
   * Every hash a stored row may carry: under FORGET_HASH_SALT and under each key of the ring, so a
   * row written before the salt was set, or under a key since rotated (while it stays in the
   * ring), is still recognized.
   */
  all(userId: string): string[];
}

/** The hasher for the configured secrets; with none at all it hashes nothing (and forget refuses). */
export function forgetHasher(secrets: ForgetSecrets): ForgetHasher {
  const salts = saltsOf(secrets);
  const mac = (salt: string | Uint8Array, userId: string) =>
    createHmac("sha256", salt).update(userId).digest("hex");
  return {
    hash: (userId) => (salts[0] === undefined ? null : mac(salts[0], userId)),
    all: (userId) => salts.map((salt) => mac(salt, userId)),
  };
}

function saltsOf(secrets: ForgetSecrets): (string | Uint8Array)[] {
  const own = secrets.FORGET_HASH_SALT?.trim();
  let ring: Uint8Array[] = [];
  try {
    ring = parseKeyEntries(secrets).map((entry) => entry.raw);
  } catch {
    // No usable ring: the own salt alone (the health page reports the ring's problem).
  }
  return own ? [own, ...ring] : ring;
}

/**
 * SQL true when the person is on the community's forgotten list: the guard every statement that
 * could create a members row carries, so the check costs no extra round trip.
 */
export function isForgottenSql(
  hasher: ForgetHasher,
  communityId: number | RawBuilder<unknown>,
  userId: string,
): RawBuilder<boolean> {
  const hashes = JSON.stringify(hasher.all(userId));
  return sql<boolean>`exists (select 1 from forgotten_members f where f.community_id = ${communityId}
    and f.user_hash in (select value from json_each(${hashes})))`;
}
