import { type CompiledQuery, type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { writeDraftQueries } from "../../db/outbox.ts";
import { REPORTS_PER_DAY, type ReportStatusEffect, type ReportSubmitEffect } from "./ports.ts";

/**
 * A report in one batch. The daily limit is counted inside both INSERTs (two racing reports
 * cannot both pass the 5th); the reporter row's UNIQUE (report, reporter) keeps one report per
 * member per subject; the reports row's UNIQUE (community, subject) merges reporters into one
 * card. Everything after the reporter row (the count, a closed report reopened, the card or its
 * edits) happens only if that row was written by this batch, so a refused report writes nothing.
 */
export function submitQueries(
  db: Db,
  communityId: number,
  e: ReportSubmitEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const under = sql<SqlBool>`(SELECT count(*) FROM report_reporters WHERE community_id = ${communityId}
      AND reporter = ${e.reporter} AND reported_on = ${e.day}) < ${REPORTS_PER_DAY}`;
  const fresh = sql<SqlBool>`EXISTS (SELECT 1 FROM report_reporters rr JOIN reports r ON r.id = rr.report_id
      WHERE r.community_id = ${communityId} AND r.subject = ${e.subject}
        AND rr.reporter = ${e.reporter} AND rr.created_at = ${at})`;
  const onlyIf = sql<SqlBool>`${fresh} AND EXISTS (SELECT 1 FROM reports WHERE community_id = ${communityId}
      AND subject = ${e.subject} AND card_key = ${e.cardKey})`;
  return [
    sql`INSERT INTO reports (community_id, subject, reported_user, message_link, snapshot, card_key,
          card_channel_id, created_at)
        SELECT ${communityId}, ${e.subject}, ${e.reportedUser}, ${e.messageLink}, ${e.snapshot}, ${e.cardKey},
          ${e.cardChannelId}, ${at}
        WHERE ${under} AND NOT EXISTS (SELECT 1 FROM reports WHERE community_id = ${communityId}
          AND subject = ${e.subject})
        ON CONFLICT (community_id, subject) DO NOTHING`.compile(db),
    sql`INSERT INTO report_reporters (community_id, report_id, reporter, reason, reported_on, created_at)
        SELECT ${communityId}, id, ${e.reporter}, ${e.reason}, ${e.day}, ${at} FROM reports
        WHERE community_id = ${communityId} AND subject = ${e.subject} AND ${under}
        ON CONFLICT (report_id, reporter) DO NOTHING`.compile(db),
    // A closed report reported again is open again: moderators see it on the card once more.
    sql`UPDATE reports SET
          report_count = (SELECT count(*) FROM report_reporters WHERE report_id = reports.id),
          status = CASE WHEN status IN ('resolved', 'dismissed') THEN 'open' ELSE status END,
          claimed_by = CASE WHEN status IN ('resolved', 'dismissed') THEN NULL ELSE claimed_by END,
          closed_at = NULL
        WHERE community_id = ${communityId} AND subject = ${e.subject} AND ${fresh}`.compile(db),
    ...e.drafts.flatMap((draft) => writeDraftQueries(db, communityId, draft, now, onlyIf)),
  ];
}

/**
 * A moderator's claim, resolve or dismiss: a conditional UPDATE (`status IN from`), so a double
 * press or a second moderator changes nothing; the card's edits and the reporters' notices are
 * written only if this UPDATE is the one that changed it (same moderator, same moment).
 */
export function statusQueries(
  db: Db,
  communityId: number,
  e: ReportStatusEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const closing = e.to === "resolved" || e.to === "dismissed";
  const from = sql.join(e.from.map((s) => sql.lit(s)));
  const changed: Expression<SqlBool> = closing
    ? sql<SqlBool>`EXISTS (SELECT 1 FROM reports WHERE id = ${e.reportId} AND community_id = ${communityId}
        AND status = ${e.to} AND claimed_by = ${e.moderator} AND closed_at = ${at})`
    : sql<SqlBool>`EXISTS (SELECT 1 FROM reports WHERE id = ${e.reportId} AND community_id = ${communityId}
        AND status = ${e.to} AND claimed_by = ${e.moderator} AND closed_at IS NULL)`;
  return [
    sql`UPDATE reports SET status = ${e.to},
          claimed_by = ${e.moderator},
          note = CASE WHEN ${closing ? 1 : 0} = 1 THEN ${e.note} ELSE note END,
          closed_at = ${closing ? at : null},
          first_action_at = coalesce(first_action_at, ${at})
        WHERE id = ${e.reportId} AND community_id = ${communityId} AND status IN (${from})`.compile(db),
    ...e.drafts.flatMap((draft) => writeDraftQueries(db, communityId, draft, now, changed)),
  ];
}
