import { addDays } from "../../core/calendar.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import { nextQuarterHour, quarterHour } from "../../jobs/periods.ts";
import { coreCommunity } from "../meetings/days-job.ts";
import { RECENT_DAYS } from "./ports.ts";
import { recordDraft } from "./record.ts";
import { staleRecords } from "./record-store.ts";

const NAME = "memory-record";
/** Records redrawn per run; the next quarter-hour takes any beyond. */
const PER_RUN = 50;

/** The quarter-hour a period names (`2027-03-02T09:15Z`): the run's time, whenever it runs. */
const periodTime = (period: string) => new Date(period);
/** Meetings whose records are kept current: the last 30 days, a day more for the zones. */
const sinceDay = (at: Date) => addDays(at.toISOString().slice(0, 10), -RECENT_DAYS - 1);

/**
 * The record's catch-up. Of two changes to a meeting at once, the one that read a state already
 * gone writes no edit (the fingerprint guard), so its entry would only show at the next change.
 * Every quarter-hour one statement over all communities finds records whose newest draft drew
 * another state than the meeting now has; the claimed run draws each again through the same
 * code, as an edit guarded the same way (a change meanwhile: the next quarter-hour tries again).
 */
export const memoryRecordCatchUp: JobKind = {
  name: NAME,
  async due(deps) {
    const period = quarterHour(deps.now);
    const stale = await staleRecords(deps.db, sinceDay(periodTime(period)), 1);
    return stale.length > 0 ? [{ communityId: 0, period }] : [];
  },
  async run(deps, item) {
    const at = periodTime(item.period);
    const stale = await staleRecords(deps.db, sinceDay(at), PER_RUN);
    if (stale.length === 0) return { status: "skipped", reason: "every record shows its meeting" };
    for (const { communityId, meetingDay } of stale) {
      const found = await coreCommunity(deps, communityId);
      if (!found) continue;
      const ctx = { community: found.community, t: found.t, now: at, store: deps.store };
      const before = await deps.store.memory.record(communityId, meetingDay);
      const record = await recordDraft(ctx, meetingDay, before, {
        entries: before.entries,
        attended: before.attended,
      });
      if (record)
        await applyAndEnqueue({ ...deps, now: at }, found.community, [{ type: "memory.refresh", record }]);
    }
    return { status: "done" };
  },
  /** Plumbing: it acts only after a lost race, at the next quarter-hour. */
  async nextRun(deps, communityId) {
    const stale = await staleRecords(deps.db, sinceDay(deps.now), 1, communityId);
    return stale.length > 0 ? nextQuarterHour(deps.now) : null;
  },
};
