import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { reportsMemberData } from "./member-data-store.ts";
import type { ReportsEffect, ReportsReads } from "./ports.ts";

/** The reports' store part (listed in src/features/server.ts: reporters before the reports they name). */
export const reportsStore = featureStore({
  name: "reports",
  reads: createReportsReads,
  effectTypes: ["reports.channel"],
  effectQueries: reportsEffectQueries,
  communityTables: ["report_reporters", "reports", "report_settings"],
  memberData: reportsMemberData,
});

/** The reports' reads over D1. */
export function createReportsReads(db: Db): ReportsReads {
  return {
    async settings(communityId) {
      const row = await db
        .selectFrom("report_settings")
        .select("channel_id")
        .where("community_id", "=", communityId)
        .executeTakeFirst();
      return { channelId: row?.channel_id ?? null };
    },
  };
}

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
  }
}
