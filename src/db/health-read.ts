import {
  SEALED_KEY_IDS_SQL,
  type SealedField,
  type SealedKeyIdRow,
  sealedFieldsFromRows,
} from "../secrets/key-report.ts";
import type { HealthCronTickTable, HealthQueueHeartbeatsTable } from "./health-schema.ts";

/** Everything the health page shows from D1; `null` where it could not be read. */
export interface HealthReading {
  /** The newest migration wrangler recorded as applied; null when none (or unreadable). */
  readonly appliedMigration: string | null;
  readonly readable: boolean;
  readonly communities: readonly { platform: string; count: number }[] | null;
  readonly tick: HealthCronTickTable | null;
  readonly heartbeats: readonly HealthQueueHeartbeatsTable[] | null;
  /** Each sealed token's installation, field and key id (never the value), for the key ring check. */
  readonly sealed: readonly SealedField[] | null;
}

const NEWEST_MIGRATION = "SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1";

/**
 * One D1 batch of five reads, none of them over member rows (the fifth reads only the key ids
 * the stored tokens name, computed in SQL, so no sealed value leaves D1). A database whose schema is behind
 * the code lacks the health tables, which fails the whole batch: then the applied migration alone
 * is read, so the page can still say "behind" (the case an upgrade without its migrations hits).
 */
export async function readHealth(d1: D1Database): Promise<HealthReading> {
  try {
    const [migration, communities, tick, heartbeats, sealed] = await d1.batch([
      d1.prepare(NEWEST_MIGRATION),
      d1.prepare(
        "SELECT platform, count(*) AS count FROM communities WHERE deactivated_at IS NULL GROUP BY platform ORDER BY platform",
      ),
      d1.prepare("SELECT * FROM health_cron_tick WHERE id = 1"),
      d1.prepare("SELECT * FROM health_queue_heartbeats ORDER BY queue"),
      d1.prepare(SEALED_KEY_IDS_SQL),
    ]);
    return {
      appliedMigration: (migration?.results[0] as { name?: string } | undefined)?.name ?? null,
      readable: true,
      communities: (communities?.results ?? []) as { platform: string; count: number }[],
      tick: (tick?.results[0] as HealthCronTickTable | undefined) ?? null,
      heartbeats: (heartbeats?.results ?? []) as HealthQueueHeartbeatsTable[],
      sealed: sealedFieldsFromRows((sealed?.results ?? []) as SealedKeyIdRow[]),
    };
  } catch {
    const name = await d1
      .prepare(NEWEST_MIGRATION)
      .first<{ name: string }>()
      .then((row) => row?.name ?? null)
      .catch(() => undefined);
    return {
      appliedMigration: name ?? null,
      readable: name !== undefined,
      communities: null,
      tick: null,
      heartbeats: null,
      sealed: null,
    };
  }
}
