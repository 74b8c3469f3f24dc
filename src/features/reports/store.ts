import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { reportsMemberData } from "./member-data-store.ts";
import type { ReportsEffect } from "./ports.ts";
import { createReportsReads } from "./reads-store.ts";
import { statusQueries, submitQueries } from "./submit-store.ts";

/** The reports' store part (listed in src/features/server.ts: reporters before the reports they name). */
export const reportsStore = featureStore({
  name: "reports",
  reads: createReportsReads,
  effectTypes: ["reports.channel", "reports.submit", "reports.status"],
  effectQueries: reportsEffectQueries,
  communityTables: ["report_reporters", "reports", "report_settings"],
  memberData: reportsMemberData,
});

/** Each effect as statements of the caller's batch. */
export function reportsEffectQueries(
  db: Db,
  communityId: number,
  effect: ReportsEffect,
  now: Date,
): CompiledQuery[] {
  switch (effect.type) {
    case "reports.channel":
      return [
        sql`INSERT INTO report_settings (community_id, channel_id, updated_at)
            VALUES (${communityId}, ${effect.channelId}, ${now.toISOString()})
            ON CONFLICT (community_id) DO UPDATE SET channel_id = excluded.channel_id,
              updated_at = excluded.updated_at`.compile(db),
      ];
    case "reports.submit":
      return submitQueries(db, communityId, effect, now);
    case "reports.status":
      return statusQueries(db, communityId, effect, now);
  }
}
