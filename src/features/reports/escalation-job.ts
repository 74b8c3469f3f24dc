import { runBatch } from "../../db/client.ts";
import type { OutboxPayload } from "../../db/outbox.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import { nextQuarterHour, quarterHour } from "../../jobs/periods.ts";
import { ESCALATE_AFTER_MS, escalationMessage } from "./escalation.ts";
import {
  type EscalationDm,
  escalationCandidates,
  escalationQueries,
  oldestWaiting,
} from "./escalation-store.ts";

const NAME = "report-escalation";
/** Reports per run (each a DM per moderator); the next quarter-hour takes any beyond. */
const PER_RUN = 100;

/** The quarter-hour a period names (`2027-03-02T09:15Z`): the run's time, whenever it runs. */
const periodTime = (period: string) => new Date(period);
const cutoffAt = (at: Date) => new Date(at.getTime() - ESCALATE_AFTER_MS).toISOString();

/**
 * A report nobody claimed within 24 hours goes to every moderator privately, once (issue 23).
 * Every quarter-hour, one statement over all communities finds whether any report is due; the
 * claimed run reads them (one statement again), builds each DM in its community's language, and
 * writes the DMs and `escalated_at` in one batch that checks each report is still open and
 * unescalated: a retry, a second tick or a claim in between sends nothing twice.
 */
export const reportEscalation: JobKind = {
  name: NAME,
  async due(deps) {
    const period = quarterHour(deps.now);
    const due = await escalationCandidates(deps.db, cutoffAt(periodTime(period)), 1);
    return due.length > 0 ? [{ communityId: 0, period }] : [];
  },
  async run(deps, item) {
    const at = periodTime(item.period);
    const reports = await escalationCandidates(deps.db, cutoffAt(at), PER_RUN);
    if (reports.length === 0) return { status: "skipped", reason: "no report waits unclaimed" };
    const dms: EscalationDm[] = reports.map((report) => {
      const message = escalationMessage(report, {
        count: report.count,
        createdAt: new Date(report.createdAt),
        cardChannelId: report.cardChannelId,
        messageLink: report.messageLink,
      });
      return { reportId: report.id, payload: JSON.stringify({ message } satisfies OutboxPayload) };
    });
    const results = await runBatch(deps.d1, escalationQueries(deps.db, dms, at.toISOString()));
    const ids = ((results[0]?.results ?? []) as { id: number }[]).map((row) => row.id);
    if (ids.length > 0) await deps.outbox.enqueue(ids);
    return { status: "done" };
  },
  /** The first quarter-hour once the community's oldest waiting report turns 24 hours old. */
  async nextRun(deps, communityId) {
    const oldest = await oldestWaiting(deps.db, communityId);
    if (oldest === null) return null;
    const dueAt = new Date(new Date(oldest).getTime() + ESCALATE_AFTER_MS);
    return nextQuarterHour(new Date(Math.max(dueAt.getTime() - 1, deps.now.getTime())));
  },
};
