import type { OutboxDraft } from "../../core/delivery.ts";
import { DAY_MS } from "../../core/durations.ts";
import type { Effect } from "../../core/model.ts";
import { localDay } from "../../core/session.ts";
import { communityById } from "../../db/communities.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import { dueDays, lastClaims, localClock, nextAtLocalMinute } from "../../jobs/periods.ts";
import { communitiesAwaitingFollowup, followupCandidates } from "./followups-store.ts";
import { followupMessage } from "./welcome.ts";

const NAME = "welcome-followup";
/** 10:00 community-local: a friendly hour to hear from a community. */
const AT_MINUTE = 10 * 60;
/** A missed run or two still reaches its members; a reminder weeks late would be odd, so never. */
const WINDOW_DAYS = 3;
/** Members per batch (two statements each) and per run; the next day takes any beyond. */
const CHUNK = 50;
const PER_RUN = 1000;

/**
 * One friendly reminder, daily at 10:00 local: to a member welcomed N days ago (the community's
 * setting, default 7) who has neither answered the intro nor used any command since the welcome.
 * Keyed `followup:<user>` and marked on the member in the same batch: sent once, ever.
 */
export const welcomeFollowup: JobKind = {
  name: NAME,
  async due(deps) {
    const last = await lastClaims(deps.db, NAME);
    const communities = await communitiesAwaitingFollowup(deps.db);
    // Today's run once it is 10:00 there; a missed day is not run late (the window covers its members).
    return communities.flatMap((c) => {
      const today = localClock(deps.now, c.timezone).day;
      return dueDays(deps.now, c.timezone, AT_MINUTE, last.get(c.id), 0)
        .filter((period) => period === today)
        .map((period) => ({ communityId: c.id, period }));
    });
  },
  async run(deps, item) {
    const community = await communityById(deps.db, item.communityId);
    if (!community) return { status: "skipped", reason: "the community no longer exists" };
    const { followupDays } = await deps.store.membership.onboarding(community.id);
    const to = new Date(deps.now.getTime() - followupDays * DAY_MS);
    const from = new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
    const candidates = await followupCandidates(deps.db, community.id, from, to, PER_RUN);
    // Used a command on or after the day of the welcome: engaged (days are all guyub keeps).
    const quiet = candidates.filter(
      (m) =>
        !m.last_active_on || m.last_active_on < localDay(new Date(m.welcomed_at ?? 0), community.timezone),
    );
    if (quiet.length === 0) return { status: "skipped", reason: "nobody to remind" };
    const message = followupMessage(community);
    const expiresAt = new Date(deps.now.getTime() + 2 * DAY_MS);
    for (let i = 0; i < quiet.length; i += CHUNK) {
      const effects: Effect[] = quiet.slice(i, i + CHUNK).flatMap((m) => {
        const userId = m.platform_user_id;
        const draft: OutboxDraft = { kind: "dm", key: `followup:${userId}`, userId, message, expiresAt };
        return [
          { type: "outbox.send", draft },
          { type: "member.followedUp", userId },
        ];
      });
      await applyAndEnqueue(deps, community, effects);
    }
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    const community = await communityById(deps.db, communityId);
    if (!community) return null;
    return nextAtLocalMinute(deps.now, community.timezone, AT_MINUTE);
  },
};
