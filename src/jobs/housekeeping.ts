import { addDays, isoWeek } from "../core/calendar.ts";
import { DAY_MS } from "../core/durations.ts";
import { type RetentionKind, retentionCutoff } from "../core/retention.ts";
import type { JobKind } from "./job-kind.ts";
import { dueDays, lastClaims } from "./periods.ts";

/** 03:00 UTC: a quiet hour for most communities guyub serves. */
const AT_MINUTE = 3 * 60;

/**
 * Daily pruning so tables stay small and personal data is not kept longer than it serves: each
 * table after its period in `RETENTION` (src/core/retention.ts, the one place the periods live;
 * the privacy docs name them). Interaction tokens go sooner, by the quarter-hourly delivery sweep.
 */
export const housekeeping: JobKind = {
  name: "housekeeping",
  async due(deps) {
    const last = (await lastClaims(deps.db, "housekeeping")).get(0);
    return dueDays(deps.now, "UTC", AT_MINUTE, last, 0).map((period) => ({ communityId: 0, period }));
  },
  async run(deps) {
    const before = (kind: RetentionKind) => retentionCutoff(kind, deps.now);
    await deps.d1.batch([
      deps.d1.prepare("DELETE FROM processed_events WHERE received_at < ?").bind(before("ingressIds")),
      deps.d1.prepare("DELETE FROM form_drafts WHERE updated_at < ?").bind(before("formDrafts")),
      deps.d1.prepare("DELETE FROM profile_drafts WHERE updated_at < ?").bind(before("formDrafts")),
      deps.d1
        .prepare("DELETE FROM form_conversations WHERE updated_at < ?")
        .bind(before("formConversations")),
      deps.d1
        .prepare("DELETE FROM job_runs WHERE claimed_at < ? AND status IN ('done', 'skipped')")
        .bind(before("jobRuns")),
      deps.d1
        .prepare("DELETE FROM outbox WHERE updated_at < ? AND status IN ('sent', 'superseded', 'skipped')")
        .bind(before("finishedOutbox")),
      // A message that never arrived keeps its text (which may be personal) only while a moderator
      // might still retry it; the whole row goes, so no payload or fallback outlives the period.
      deps.d1
        .prepare("DELETE FROM outbox WHERE updated_at < ? AND status IN ('dead', 'undeliverable', 'lost')")
        .bind(before("failedOutboxPayloads")),
      // A closed report keeps what was reported (the sealed snapshot) and why (the reporters'
      // sealed reasons) while moderators may look back; then both go, the rest of the row stays
      // (when, status, count) for the audit view. Reasons first: their report is found by
      // `closed_at`, which stays. An open or claimed report has no `closed_at`: never touched.
      deps.d1
        .prepare(
          "UPDATE report_reporters SET reason = NULL WHERE reason IS NOT NULL AND report_id IN (SELECT id FROM reports WHERE closed_at < ?)",
        )
        .bind(before("closedReportSnapshots")),
      deps.d1
        .prepare("UPDATE reports SET snapshot = NULL WHERE snapshot IS NOT NULL AND closed_at < ?")
        .bind(before("closedReportSnapshots")),
      // Only the last two digests' topics matter (they rest in the next one); ISO weeks sort as text.
      deps.d1
        .prepare("DELETE FROM digest_topics WHERE period < ?")
        .bind(isoWeek(before("digestTopics").slice(0, 10))),
      // A used or unused dashboard link, an ended session: a day after they expired.
      deps.d1.prepare("DELETE FROM dashboard_links WHERE expires_at < ?").bind(before("dashboardAccess")),
      deps.d1.prepare("DELETE FROM dashboard_sessions WHERE expires_at < ?").bind(before("dashboardAccess")),
      // The audit trail is append-only; this expiry (and a member's erasure) are its only deletes.
      deps.d1.prepare("DELETE FROM audit_log WHERE created_at < ?").bind(before("auditTrail")),
      deps.d1
        .prepare("DELETE FROM delivery_pace WHERE next_at < ? AND strikes = 0")
        .bind(deps.now.getTime() - DAY_MS),
    ]);
    return { status: "done" };
  },
  async nextRun(deps) {
    const today = deps.now.toISOString().slice(0, 10);
    const todayAt = new Date(`${today}T03:00:00Z`);
    return todayAt > deps.now ? todayAt : new Date(`${addDays(today, 1)}T03:00:00Z`);
  },
};
