import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";
import { REASON_FORM } from "./report-message.ts";

/**
 * The reports' part in a member's export and erasure (`FeatureStore.memberData`).
 *
 * Export: the reports the member made (their local day and where each stands) and the reports about
 * them, by day only: never who reported them or what was said, so an export cannot expose a reporter.
 * Forget: the member's identity becomes `placeholder` wherever a report names them (as reporter,
 * as the reported author, as the moderator who claimed it) and their reasons are erased; the reports
 * themselves stay, without the name, until the 180-day erasure.
 */
export const reportsMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const [made, about] = await Promise.all([
      db
        .selectFrom("report_reporters as rr")
        .innerJoin("reports as r", "r.id", "rr.report_id")
        .select(["rr.reported_on as day", "r.status"])
        .where("rr.community_id", "=", communityId)
        .where("rr.reporter", "=", userId)
        .orderBy("rr.reported_on")
        .execute(),
      db
        .selectFrom("reports")
        .select("created_at")
        .where("community_id", "=", communityId)
        .where("reported_user", "=", userId)
        .orderBy("created_at")
        .execute(),
    ]);
    return {
      reportsMade: made.map((row) => ({ day: row.day, status: row.status })),
      reportsAbout: about.map((row) => ({ day: row.created_at.slice(0, 10) })),
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    return [
      sql`UPDATE report_reporters SET reporter = ${placeholder}, reason = NULL
          WHERE community_id = ${communityId} AND reporter = ${userId}`.compile(db),
      sql`UPDATE reports SET reported_user = ${placeholder}
          WHERE community_id = ${communityId} AND reported_user = ${userId}`.compile(db),
      sql`UPDATE reports SET claimed_by = ${placeholder}
          WHERE community_id = ${communityId} AND claimed_by = ${userId}`.compile(db),
      // Another member's report of their message, begun but not sent (its reason form still
      // open, a day at most), names them as the author: it goes, the reporter can start again.
      sql`DELETE FROM form_drafts WHERE community_id = ${communityId} AND form_id = ${REASON_FORM}
          AND json_extract(answers, '$.author') = ${userId}`.compile(db),
    ];
  },
};
