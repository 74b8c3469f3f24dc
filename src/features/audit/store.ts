import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { reportsHistorySource } from "../reports/history-store.ts";
import type { HistorySource } from "./history-store.ts";
import type { AuditReads, HistoryEntry } from "./ports.ts";

/** Moderators' actions and notes: a row is about a member when one of its arguments names them. */
const auditSource: HistorySource = (communityId, about) => sql`
  SELECT 'audit' AS source, a.created_at AS at, m.platform_user_id AS actor, a.action, a.detail, a.id AS seq
  FROM audit_log a LEFT JOIN members m ON m.id = a.actor_member_id
  WHERE a.community_id = ${communityId}
  ${about === undefined ? sql`` : sql`AND EXISTS (SELECT 1 FROM json_each(a.detail, '$.args') WHERE value = ${about})`}`;

/** Every source of the history (history-store.ts): the trail's own rows, and reports. */
export const HISTORY_SOURCES: readonly HistorySource[] = [auditSource, reportsHistorySource];

/** The audit feature's store part (listed in src/features/server.ts). No table of its own: notes are audit rows. */
export const auditStore = featureStore({
  name: "audit",
  reads: createAuditReads,
  effectTypes: ["audit.note"],
  effectQueries: () => [],
  communityTables: [],
  memberData: {
    // Notes about the member by date only: not who wrote them nor what they say (docs/privacy.md).
    async export(db, communityId, member) {
      const notes = await db
        .selectFrom("audit_log")
        .select("created_at")
        .where("community_id", "=", communityId)
        .where("action", "=", "audit note")
        .where(sql<string>`json_extract(detail, '$.args.member')`, "=", member.userId)
        .orderBy("id")
        .execute();
      const own = await db
        .selectFrom("audit_log")
        .select(["action", "created_at"])
        .where("community_id", "=", communityId)
        .where("actor_member_id", "=", member.memberId)
        .orderBy("id")
        .execute();
      return {
        moderatorNotesAbout: notes.map((row) => row.created_at.slice(0, 10)),
        moderatorActions: own.map((row) => ({ action: row.action, at: row.created_at })),
      };
    },
    // The one UPDATE of the append-only trail: the member's id becomes the placeholder wherever a
    // row names them (as an argument or in an effect), so the rows stay, without their identity.
    forget(db, communityId, member, placeholder) {
      // Every occurrence, not only the JSON string: a note's text may mention them (`<@U123>`).
      const { userId } = member;
      return [
        sql`UPDATE audit_log SET detail = replace(detail, ${userId}, ${placeholder})
            WHERE community_id = ${communityId} AND instr(detail, ${userId}) > 0`.compile(db),
      ];
    },
  },
});

/** The audit view's reads over D1. */
export function createAuditReads(db: Db): AuditReads {
  return {
    async history(communityId, { about, offset, limit }) {
      const union = sql.join(
        HISTORY_SOURCES.map((source) => source(communityId, about)),
        sql` UNION ALL `,
      );
      const { rows } = await sql<{
        source: string;
        at: string;
        actor: string | null;
        action: string;
        detail: string;
      }>`
        SELECT source, at, actor, action, detail FROM (${union})
        ORDER BY at DESC, seq DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return rows.map((row): HistoryEntry => ({ ...row, detail: parseDetail(row.detail) }));
    },
  };
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
