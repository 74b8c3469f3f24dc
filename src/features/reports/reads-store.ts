import type { Db } from "../../db/client.ts";
import type { ReportsReads, ReportView } from "./ports.ts";

/** The reports' reads over D1. */
export function createReportsReads(db: Db): ReportsReads {
  const report = async (communityId: number, column: "subject" | "card_key", value: string) => {
    const row = await db
      .selectFrom("reports as r")
      .leftJoin("members as author", (j) =>
        j
          .onRef("author.community_id", "=", "r.community_id")
          .onRef("author.platform_user_id", "=", "r.reported_user"),
      )
      .leftJoin("members as claimer", (j) =>
        j
          .onRef("claimer.community_id", "=", "r.community_id")
          .onRef("claimer.platform_user_id", "=", "r.claimed_by"),
      )
      .select([
        "r.id",
        "r.subject",
        "r.card_key",
        "r.card_channel_id",
        "r.reported_user",
        "author.display_name as reported_name",
        "r.message_link",
        "r.snapshot",
        "r.report_count",
        "r.status",
        "r.claimed_by",
        "claimer.display_name as claimed_name",
        "r.note",
        "r.created_at",
      ])
      .where("r.community_id", "=", communityId)
      .where(`r.${column}`, "=", value)
      .executeTakeFirst();
    if (!row) return null;
    const reporters = await db
      .selectFrom("report_reporters as rr")
      .leftJoin("members as m", (j) =>
        j.onRef("m.community_id", "=", "rr.community_id").onRef("m.platform_user_id", "=", "rr.reporter"),
      )
      .select(["rr.reporter", "m.display_name", "rr.reason", "rr.created_at"])
      .where("rr.report_id", "=", row.id)
      .orderBy("rr.id")
      .execute();
    return {
      id: row.id,
      subject: row.subject,
      cardKey: row.card_key ?? "",
      cardChannelId: row.card_channel_id,
      reportedUser: row.reported_user,
      reportedName: row.reported_name,
      messageLink: row.message_link,
      snapshot: row.snapshot,
      count: row.report_count,
      status: row.status,
      claimedBy: row.claimed_by,
      claimedName: row.claimed_name,
      note: row.note,
      createdAt: row.created_at,
      reporters: reporters.map((r) => ({
        userId: r.reporter,
        name: r.display_name,
        reason: r.reason,
        createdAt: r.created_at,
      })),
    } satisfies ReportView;
  };
  return {
    async settings(communityId) {
      const row = await db
        .selectFrom("report_settings")
        .select("channel_id")
        .where("community_id", "=", communityId)
        .executeTakeFirst();
      return { channelId: row?.channel_id ?? null };
    },
    bySubject: (communityId, subject) => report(communityId, "subject", subject),
    byRef: (communityId, ref) => report(communityId, "card_key", `report:${ref}`),
    async madeOn(communityId, reporter, day) {
      const row = await db
        .selectFrom("report_reporters")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("community_id", "=", communityId)
        .where("reporter", "=", reporter)
        .where("reported_on", "=", day)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async reportedBy(communityId, subject, reporter) {
      const row = await db
        .selectFrom("report_reporters as rr")
        .innerJoin("reports as r", "r.id", "rr.report_id")
        .select("rr.id")
        .where("r.community_id", "=", communityId)
        .where("r.subject", "=", subject)
        .where("rr.reporter", "=", reporter)
        .executeTakeFirst();
      return row !== undefined;
    },
    async moderatorIds(communityId) {
      const rows = await db
        .selectFrom("members")
        .select("platform_user_id")
        .where("community_id", "=", communityId)
        .where("status", "!=", "alumni")
        .where((eb) => eb.or([eb("is_moderator", "=", 1), eb("platform_admin", "=", 1)]))
        .orderBy("id")
        .execute();
      return rows.map((r) => r.platform_user_id);
    },
    async cardCopies(communityId, cardKey) {
      // The key's ref is hex, so LIKE's wildcards cannot occur in it.
      const rows = await db
        .selectFrom("outbox")
        .select("idempotency_key")
        .where("community_id", "=", communityId)
        .where("kind", "in", ["post", "dm"])
        .where((eb) =>
          eb.or([eb("idempotency_key", "=", cardKey), eb("idempotency_key", "like", `${cardKey}:dm:%`)]),
        )
        .orderBy("id")
        .execute();
      return rows.map((r) => r.idempotency_key);
    },
  };
}
