import { createHash } from "node:crypto";
import type { KeySecrets } from "../../src/secrets/key-entries.ts";
import {
  describeMissing,
  keyRingReport,
  SEALED_KEY_IDS_SQL,
  type SealedKeyIdRow,
  sealedFieldsFromRows,
} from "../../src/secrets/key-report.ts";
import { type SetupContext, SetupError } from "./context.ts";
import { DEPLOY_CONFIG } from "./state.ts";
import { must, parseJsonOutput } from "./wrangler.ts";

/** The names of the key ring's secrets, in the Worker's order of precedence. */
export const KEY_RING_NAMES = ["TOKEN_ENCRYPTION_KEYS", "TOKEN_ENCRYPTION_KEY"] as const;

/** The ring the operator gives in the environment for this run, or null (then setup generates one). */
export function givenKeyRing(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> | null {
  const given: Record<string, string> = {};
  for (const name of KEY_RING_NAMES) {
    const value = env[name]?.trim();
    if (value) given[name] = value;
  }
  return Object.keys(given).length > 0 ? given : null;
}

/** A fingerprint of the given ring (SHA-256, not reversible), so a second run stores nothing again. */
export function keyRingFingerprint(given: Record<string, string>): string {
  const hash = createHash("sha256");
  for (const name of KEY_RING_NAMES) hash.update(`${name}=${given[name] ?? ""}\n`);
  return hash.digest("hex");
}

/**
 * Before a new ring is stored: asks the deployed D1 which key ids the sealed tokens name (only
 * the ids leave D1, computed in SQL) and refuses a ring that cannot open them all, naming the rows.
 */
export async function checkGivenKeyRing(context: SetupContext, given: KeySecrets): Promise<void> {
  const args = [
    "d1",
    "execute",
    "DB",
    "--remote",
    "--json",
    "--command",
    SEALED_KEY_IDS_SQL,
    "-c",
    DEPLOY_CONFIG,
  ];
  const answer = parseJsonOutput<Array<{ results?: SealedKeyIdRow[] }>>(await must(context.wrangler, args));
  const fields = sealedFieldsFromRows(answer.flatMap((result) => result.results ?? []));
  const report = keyRingReport(given, fields);
  if (report.error !== null) throw new SetupError(`The key ring given is not stored: ${report.error}`);
  if (report.missing.length > 0) {
    const lacking = [...new Set(report.missing.map((f) => `"${f.keyId ?? "?"}"`))].join(", ");
    throw new SetupError(
      [
        `The key ring given is not stored: it lacks key ${lacking}, which ${report.missing.length} stored tokens still need:`,
        `  ${describeMissing(report.missing)}.`,
        "Keep the old key in TOKEN_ENCRYPTION_KEYS after the new one (e.g. k2:new,k1:old) until the re-encryption",
        "job has moved those rows (the health page counts the tokens still waiting), then drop it.",
      ].join("\n"),
    );
  }
  context.io.say(
    `  key ring checked: ${fields.length} stored tokens, active key ${report.activeKeyId}, ${report.notActive} to re-encrypt`,
  );
}
