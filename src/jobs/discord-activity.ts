import type { ActivitySeen } from "../core/activity/effect.ts";
import { latestDays } from "../core/activity/effects.ts";
import {
  type ChannelHistory,
  type HistoryPage,
  type ReadProblem,
  snowflakeAt,
} from "../core/activity/history.ts";
import { DAY_MS, HOUR_MS } from "../core/durations.ts";
import { localDay } from "../core/local-time.ts";
import { DirectoryError } from "../core/membership/directory.ts";
import { activityEffectQueries } from "../db/activity.ts";
import {
  type ActivityChannel,
  activityChannels,
  activityReadCommunities,
  dropActivityChannel,
  recordChannelError,
  saveCursorQuery,
} from "../db/activity-channels.ts";
import { runBatch } from "../db/client.ts";
import { communityById } from "../db/communities.ts";
import type { JobDeps, JobKind, JobResult } from "./job-kind.ts";

export const DISCORD_ACTIVITY_JOB = "discord-activity";
/** The platform whose channel history this job reads (its cursors are Discord snowflakes). */
const DISCORD = "discord";
/**
 * Pages (of 100 messages) one run reads across all its channels: 10 stays within Discord's
 * per-channel history bucket and keeps a run at about 25 D1 statements (two per page).
 */
export const PAGES_PER_RUN = 10;
/** A channel read for the first time starts a day back, not at its beginning. */
const FIRST_LOOK_MS = DAY_MS;

/**
 * Discord activity without a Gateway connection: hourly, per server, the new messages of the
 * channels guyub reads (`activity_channels`: the main channel and any listed) through REST, from
 * the last message id seen in each. Per page, one batch records the authors' latest local days
 * and the channel's new cursor, so an interrupted run resumes after the last saved page. An
 * empty page or a refusal is checked against guyub's own permissions there first (`mayRead`).
 */
export const discordActivity: JobKind = {
  name: DISCORD_ACTIVITY_JOB,
  async due(deps) {
    const period = deps.now.toISOString().slice(0, 13);
    return (await activityReadCommunities(deps.db, DISCORD)).map((communityId) => ({ communityId, period }));
  },
  run: (deps, item) => readActivity(deps, item.communityId),
  async nextRun(deps, communityId) {
    const community = await communityById(deps.db, communityId);
    if (community?.platform !== DISCORD) return null;
    return new Date(Math.floor(deps.now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  },
};

/** Reads up to `pages` pages of the community's channels, oldest-read channel first. */
export async function readActivity(
  deps: JobDeps,
  communityId: number,
  pages = PAGES_PER_RUN,
): Promise<JobResult> {
  const community = await communityById(deps.db, communityId);
  if (community?.platform !== DISCORD)
    return { status: "skipped", reason: "not a Discord community guyub knows" };
  const history = deps.history?.(community.platform, community.workspaceId) ?? null;
  if (!history) return { status: "skipped", reason: "no Discord credentials to read channels" };
  let budget = pages;
  for (const channel of await activityChannels(deps.db, communityId)) {
    let cursor = channel.lastMessageId ?? snowflakeAt(new Date(deps.now.getTime() - FIRST_LOOK_MS));
    // A page with messages proves guyub may read here; until one came, an empty page proves nothing.
    let readable = false;
    while (budget > 0) {
      budget--;
      let page: HistoryPage | null = null;
      try {
        page = await history.page(channel.channelId, cursor);
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        if (error.kind === "rate_limited")
          return { status: "skipped", reason: `${error.message}; carries on next run` };
        if (error.kind === "failed") throw error;
      }
      if (!readable && (page === null || page.newest === null)) {
        if (!(await mayRead(deps, history, communityId, channel, page === null))) break;
        readable = true;
      }
      if (page === null) break;
      if (page.newest === null) {
        // Nothing yet in a channel read for the first time: remember where the look started.
        if (channel.lastMessageId === null)
          await runBatch(deps.d1, [
            saveCursorQuery(deps.db, communityId, channel.channelId, cursor, null, deps.now),
          ]);
        break;
      }
      readable = true;
      const seen: ActivitySeen[] = page.messages.map((m) => ({
        userId: m.authorId,
        day: localDay(m.at, community.timezone),
      }));
      await runBatch(deps.d1, [
        ...activityEffectQueries(
          deps.db,
          communityId,
          { type: "activity.seen", seen: latestDays(seen) },
          deps.now,
        ),
        saveCursorQuery(deps.db, communityId, channel.channelId, page.newest, null, deps.now),
      ]);
      cursor = page.newest;
      if (!page.more) break;
    }
    if (budget === 0) break;
  }
  return { status: "done" };
}

/**
 * Whether to believe an empty page (or act on a refused read): guyub's own permissions in the
 * channel decide, because without Read Message History Discord answers with an empty list, not
 * an error, and every member who wrote there would look quiet. The verdict is kept on the
 * channel (`last_error`, a `ReadProblem`): moderators see it in `/copmod nudges quiet`, and no nudge
 * goes out while any channel is unread. A channel that no longer exists leaves the list.
 */
async function mayRead(
  deps: JobDeps,
  history: ChannelHistory,
  communityId: number,
  channel: ActivityChannel,
  refused: boolean,
): Promise<boolean> {
  const access = await history.access(channel.channelId);
  if (access?.ok === false && access.problem === "gone") {
    await dropActivityChannel(deps.db, communityId, channel.channelId);
    return false;
  }
  // Discord could not be asked: a refusal stays one; an empty page waits for the next run.
  if (access === null && !refused) return false;
  const problem: ReadProblem | null =
    access?.ok === false && access.problem !== "gone" ? access.problem : refused ? "no_access" : null;
  if (problem !== null || channel.lastError !== null)
    await recordChannelError(deps.db, communityId, channel.channelId, problem, deps.now);
  return problem === null;
}
