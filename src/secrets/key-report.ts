/**
 * The key ring against the stored tokens, pure: the SQL that reads the key ids, and the report on
 * its rows. No Worker types, so setup (Node) shares it with the health page.
 */
import { KeyRingError, type KeySecrets, parseKeyEntries } from "./key-entries.ts";

/** One encrypted field of one installation row. */
export interface SealedField {
  readonly installationId: number;
  readonly platform: string;
  readonly workspaceId: string;
  readonly field: "bot_token" | "refresh_token";
  readonly keyId: string | null;
}

/**
 * The key id an envelope column names, in SQL: `v1:<kid>:<iv>:<ct>` → `<kid>`, NULL when the value
 * is not a v1 envelope (as `envelopeKeyId` reads it). Only the id leaves D1, never the value.
 */
const keyIdOf = (column: string) =>
  `CASE WHEN substr(${column}, 1, 3) = 'v1:' THEN nullif(substr(${column}, 4, CASE WHEN instr(substr(${column}, 4), ':') > 0 THEN instr(substr(${column}, 4), ':') - 1 ELSE length(${column}) END), '') END`;

/**
 * Every encrypted value stored, as (installation, field, key id) rows: one statement, so the health
 * page can put it in its batch and setup can send it through `wrangler d1 execute --remote`. A few
 * thousand rows at most.
 */
export const SEALED_KEY_IDS_SQL = [
  `SELECT id AS installation_id, platform, workspace_id, 'bot_token' AS field, ${keyIdOf("bot_token")} AS key_id FROM installations WHERE bot_token IS NOT NULL`,
  `UNION ALL SELECT id, platform, workspace_id, 'refresh_token', ${keyIdOf("refresh_token")} FROM installations WHERE refresh_token IS NOT NULL`,
  "ORDER BY installation_id, field",
].join(" ");

/** A row of `SEALED_KEY_IDS_SQL`. */
export interface SealedKeyIdRow {
  readonly installation_id: number;
  readonly platform: string;
  readonly workspace_id: string;
  readonly field: string;
  readonly key_id: string | null;
}

export function sealedFieldsFromRows(rows: readonly SealedKeyIdRow[]): SealedField[] {
  return rows.map((row) => ({
    installationId: Number(row.installation_id),
    platform: row.platform,
    workspaceId: row.workspace_id,
    field: row.field === "refresh_token" ? "refresh_token" : "bot_token",
    keyId: row.key_id ?? null,
  }));
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

/** The report for a ring against the stored fields (pure: the health page and setup read the rows). */
export function keyRingReport(secrets: KeySecrets, fields: readonly SealedField[]): KeyRingReport {
  let keyIds: string[];
  try {
    keyIds = parseKeyEntries(secrets).map((entry) => entry.id);
  } catch (error) {
    if (!(error instanceof KeyRingError)) throw error;
    return { ok: false, error: error.message, activeKeyId: null, keyIds: [], missing: fields, notActive: 0 };
  }
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
