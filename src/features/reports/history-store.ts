import { sql } from "kysely";
import type { HistorySource } from "../audit/history-store.ts";

/**
 * Reports in the moderators' audit view (`/copmod audit list`, one of the audit store's
 * `HISTORY_SOURCES`): one line per report, when it was made, its status, how many reported it,
 * whom it is about and who handles it. Never what was reported (the snapshot) nor why (the
 * reasons), and never who reported: a moderator may be the reported member, and `audit list
 * @themselves` must not tell them who did. With a member: only the reports about them.
 */
export const reportsHistorySource: HistorySource = (communityId, about) => sql`
  SELECT 'reports' AS source, r.created_at AS at, NULL AS actor, 'report' AS action,
    json_object('reported', r.reported_user, 'status', r.status, 'count', r.report_count,
      'claimedBy', r.claimed_by, 'escalated', r.escalated_at IS NOT NULL) AS detail,
    r.id AS seq
  FROM reports r
  WHERE r.community_id = ${communityId}
  ${about === undefined ? sql`` : sql`AND r.reported_user = ${about}`}`;
