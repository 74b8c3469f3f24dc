import { sql } from "kysely";
import type { Db } from "../db/client.ts";
import type { KeySecrets } from "./key-entries.ts";
import {
  type KeyRingReport,
  keyRingReport,
  SEALED_KEY_IDS_SQL,
  type SealedField,
  type SealedKeyIdRow,
  sealedFieldsFromRows,
} from "./key-report.ts";

export {
  describeMissing,
  type KeyRingReport,
  keyRingReport,
  SEALED_KEY_IDS_SQL,
  type SealedField,
  type SealedKeyIdRow,
  sealedFieldsFromRows,
} from "./key-report.ts";

/** Every encrypted value stored, with the key it names. */
export async function sealedFields(db: Db): Promise<SealedField[]> {
  const { rows } = await sql.raw<SealedKeyIdRow>(SEALED_KEY_IDS_SQL).execute(db);
  return sealedFieldsFromRows(rows);
}

/**
 * The key ring's state against the stored rows, for the health page and setup: a ring that drops
 * a key some row still uses is refused, and `missing` says which rows. Pass the secrets a
 * deployment is about to get to check a rotation before it is made.
 */
export async function checkKeyRing(secrets: KeySecrets, db: Db): Promise<KeyRingReport> {
  return keyRingReport(secrets, await sealedFields(db));
}
