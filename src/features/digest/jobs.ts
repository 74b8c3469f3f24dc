import { weekdayOf } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import type { Effect } from "../../core/model.ts";
import type { Db } from "../../db/client.ts";
import { communityById } from "../../db/communities.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import type { PlannedClaim } from "../../jobs/claimed.ts";
import type { DueItem, JobKind } from "../../jobs/job-kind.ts";
import { lastClaims, localClock, quarterHoursAfter } from "../../jobs/periods.ts";
import { buildDigest } from "./build.ts";
import { isoWeek } from "./period.ts";

const NAME = "weekly-digest";

interface DigestSchedule {
  readonly id: number;
  readonly timezone: string;
  readonly weekday: number;
  readonly minute: number;
}

/** Communities with the digest on, and when theirs goes out. */
async function schedules(db: Db): Promise<DigestSchedule[]> {
  const rows = await db
    .selectFrom("communities")
    .select(["id", "timezone", "digest_weekday", "digest_minute"])
    .where("digest_enabled", "=", 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    timezone: r.timezone,
    weekday: r.digest_weekday,
    minute: r.digest_minute,
  }));
}

/** The ISO week whose digest is due at `now`: on the chosen local weekday, once its time has come. */
export function dueWeek(now: Date, s: Omit<DigestSchedule, "id">): string | null {
  const { day, minutes } = localClock(now, s.timezone);
  return weekdayOf(day) === s.weekday && minutes >= s.minute ? isoWeek(day) : null;
}

/**
 * The weekly digest, posted to the main channel on the community's weekday and local time
 * (default Monday 08:00). Once per ISO week per community: the dispatcher's claim on
 * (job, community, week) runs it once, and the post's outbox key `digest:<week>` is the one
 * `/copmod digest send` uses, so a digest a moderator already sent is not repeated. A day missed
 * entirely (no cron all day) is not posted late.
 */
export const weeklyDigest: JobKind = {
  name: NAME,
  async due(deps) {
    const [last, all] = await Promise.all([lastClaims(deps.db, NAME), schedules(deps.db)]);
    return all.flatMap((s): DueItem[] => {
      const period = dueWeek(deps.now, s);
      const claimed = last.get(s.id);
      return period && (!claimed || period > claimed) ? [{ communityId: s.id, period }] : [];
    });
  },
  async run(deps, item) {
    const community = await communityById(deps.db, item.communityId);
    if (!community) return { status: "skipped", reason: "the community no longer exists" };
    const reads = deps.store.digest;
    const settings = await reads.settings(community.id);
    if (!settings.enabled) return { status: "skipped", reason: "the digest is off" };
    if (!settings.mainChannelId) return { status: "skipped", reason: "no main channel" };
    const digest = await buildDigest(reads, community, deps.now);
    if (digest.period !== item.period) return { status: "skipped", reason: "its week has passed" };
    if (await reads.posted(community.id, digest.key)) {
      return { status: "skipped", reason: "already posted this week (/copmod digest send)" };
    }
    // A digest that could not go out within a day (delivery paused) is stale: skipped, not late.
    const expiresAt = new Date(deps.now.getTime() + DAY_MS);
    const draft = {
      kind: "post" as const,
      key: digest.key,
      channelId: settings.mainChannelId,
      message: digest.message,
      expiresAt,
    };
    const effects: Effect[] = [
      {
        type: "digest.post",
        draft,
        archivedTopicIds: digest.archivedTopicIds,
        topics: { period: digest.period, ids: digest.topicIds },
      },
    ];
    await applyAndEnqueue(deps, community, effects);
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    return (await (weeklyDigest.upcoming?.(deps, communityId, 1) ?? []))[0]?.at ?? null;
  },
  async upcoming(deps, communityId, count) {
    const s = (await schedules(deps.db)).find((c) => c.id === communityId);
    // Without a main channel the run skips: nothing members would see.
    if (!s || !(await deps.store.digest.settings(communityId)).mainChannelId) return [];
    const claimed = (await lastClaims(deps.db, NAME)).get(s.id) ?? "";
    // Each quarter-hour the cron runs, with due's own test: right across DST changes.
    const planned: PlannedClaim[] = [];
    const end = deps.now.getTime() + (7 * count + 1) * DAY_MS;
    for (const at of quarterHoursAfter(deps.now, end)) {
      if (planned.length >= count) break;
      const week = dueWeek(at, s);
      if (week && week > (planned.at(-1)?.period ?? claimed)) planned.push({ at, period: week });
    }
    return planned;
  },
};
