import type { Db } from "../db/client.ts";
import { envelopeKeyId } from "./envelope.ts";
import { KeyRingError, type KeySecrets, parseKeyEntries } from "./key-ring.ts";

/** One encrypted field of one installation row. */
export interface SealedField {
  readonly installationId: number;
  readonly platform: string;
  readonly workspaceId: string;
  readonly field: "bot_token" | "refresh_token";
  readonly keyId: string | null;
}

/** Every encrypted value stored, with the key it names (a few thousand rows at most: one read). */
export async function sealedFields(db: Db): Promise<SealedField[]> {
  const rows = await db
    .selectFrom("installations")
    .select(["id", "platform", "workspace_id", "bot_token", "refresh_token"])
    .where((eb) => eb.or([eb("bot_token", "is not", null), eb("refresh_token", "is not", null)]))
    .execute();
  return rows.flatMap((row) =>
    (["bot_token", "refresh_token"] as const).flatMap((field) => {
      const value = row[field];
      if (value === null) return [];
      return [
        {
          installationId: row.id,
          platform: row.platform,
          workspaceId: row.workspace_id,
          field,
          keyId: envelopeKeyId(value),
        },
      ];
    }),
  );
}

/** Whether the configured ring can open everything stored, and what still waits for re-encryption. */
export interface KeyRingReport {
  /** The ring parses and every stored value names a key in it. */
  readonly ok: boolean;
  /** Why the ring itself is unusable (missing, malformed); null when it parses. */
  readonly error: string | null;
  readonly activeKeyId: string | null;
  readonly keyIds: readonly string[];
  /** Values whose key is not in the ring: they cannot be read until it is put back. */
  readonly missing: readonly SealedField[];
  /** Values under an older key of the ring: the re-encryption job moves them. */
  readonly notActive: number;
}

/**
 * The key ring's state against the stored rows, for the health page and setup: a ring that drops
 * a key some row still uses is refused, and `missing` says which rows. Pass the secrets a
 * deployment is about to get to check a rotation before it is made.
 */
export async function checkKeyRing(secrets: KeySecrets, db: Db): Promise<KeyRingReport> {
  let keyIds: string[];
  try {
    keyIds = parseKeyEntries(secrets).map((entry) => entry.id);
  } catch (error) {
    if (!(error instanceof KeyRingError)) throw error;
    const fields = await sealedFields(db);
    return { ok: false, error: error.message, activeKeyId: null, keyIds: [], missing: fields, notActive: 0 };
  }
  const fields = await sealedFields(db);
  const known = new Set(keyIds);
  const missing = fields.filter((field) => field.keyId === null || !known.has(field.keyId));
  const active = keyIds[0] ?? null;
  const notActive = fields.filter((f) => f.keyId !== active && f.keyId !== null && known.has(f.keyId)).length;
  return { ok: missing.length === 0, error: null, activeKeyId: active, keyIds, missing, notActive };
}

/** A one-line account of `missing`, naming rows (never values) for a log or a refusal. */
export function describeMissing(missing: readonly SealedField[]): string {
  const shown = missing
    .slice(0, 10)
    .map(
      (f) =>
        `installation ${f.installationId} (${f.platform} ${f.workspaceId}) ${f.field} under key "${f.keyId ?? "?"}"`,
    );
  const more = missing.length > 10 ? ` and ${missing.length - 10} more` : "";
  return `${shown.join("; ")}${more}`;
}
