import { HOUR_MS } from "../../core/durations.ts";
import { DirectoryError } from "../../core/membership/directory.ts";
import { runBatch } from "../../db/client.ts";
import { communityById } from "../../db/communities.ts";
import { lossQueries, reactivateQueries } from "../../db/delivery-blocks.ts";
import type { JobDeps, JobKind, JobResult } from "../../jobs/job-kind.ts";
import { nextQuarterHour, quarterHour } from "../../jobs/periods.ts";
import { MEMBER_SYNC_JOB } from "./ports.ts";
import { applySyncPage } from "./sync-page-job.ts";
import { dueSyncCommunities, nextSyncRun, readSyncState, recordSyncError } from "./sync-store.ts";

/**
 * The member-list sync: a cursor walk over the platform's member list, a few pages per run, each
 * page one D1 batch with its cursor (an interrupted pass resumes where it stopped and counts
 * nothing twice). Due every quarter-hour while a pass goes on, hourly otherwise, at once when a
 * moderator asks (`/copmod onboarding sync`). Joins and comebacks are found per page; leavers when
 * a pass ends. The first full pass takes members as they are: nobody is welcomed until it ends.
 */
export const memberSync: JobKind = {
  name: MEMBER_SYNC_JOB,
  async due(deps) {
    const period = quarterHour(deps.now);
    return (await dueSyncCommunities(deps.db, deps.now)).map((communityId) => ({ communityId, period }));
  },
  run: (deps, item) => syncCommunity(deps, item.communityId),
  async nextRun(deps, communityId) {
    const next = await nextSyncRun(deps.db, communityId);
    const soonest = nextQuarterHour(deps.now);
    return next && new Date(next) > soonest
      ? nextQuarterHour(new Date(new Date(next).getTime() - 1))
      : soonest;
  },
};

/** Reads up to the directory's page budget of the community's member list. */
export async function syncCommunity(
  deps: JobDeps,
  communityId: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<JobResult> {
  const community = await communityById(deps.db, communityId);
  if (!community) return { status: "skipped", reason: "the community no longer exists" };
  const inAnHour = new Date(deps.now.getTime() + HOUR_MS);
  const directory = deps.directory?.(community.platform, community.workspaceId) ?? null;
  if (!directory) {
    await recordSyncError(deps.db, communityId, `no ${community.platform} credentials`, inAnHour, deps.now);
    return { status: "skipped", reason: `no ${community.platform} credentials to list members` };
  }
  let state = await readSyncState(deps.db, communityId);
  for (let n = 0; n < directory.pagesPerRun; n++) {
    if (n > 0 && directory.pageIntervalMs > 0) await sleep(directory.pageIntervalMs);
    let page: Awaited<ReturnType<typeof directory.page>>;
    try {
      page = await directory.page(state.cursor);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      if (error.kind === "rate_limited")
        return { status: "skipped", reason: `${error.message}; carries on next run` };
      if (error.kind === "gone") {
        // Removed from the server: deactivated as an uninstall is (sending stops, erased in 30 days).
        const loss = {
          communityId,
          scope: "*",
          cause: "uninstalled",
          reason: error.message,
          credential: null,
        } as const;
        await runBatch(deps.d1, lossQueries(deps.db, loss, deps.now));
        await recordSyncError(deps.db, communityId, error.message, inAnHour, deps.now);
        return { status: "skipped", reason: error.message };
      }
      // No access is a setting to fix (an intent, a scope), not a fault to retry every minute.
      const retryAt = error.kind === "no_access" ? inAnHour : deps.now;
      await recordSyncError(deps.db, communityId, error.message, retryAt, deps.now);
      if (error.kind === "no_access") return { status: "skipped", reason: error.message };
      throw error;
    }
    if (n === 0) {
      // The list answers again: guyub is back in the server, so a removal found earlier is over.
      const back = await runBatch(deps.d1, reactivateQueries(deps.db, communityId, deps.now));
      const released = back.flatMap((r) =>
        ((r.results ?? []) as { id?: number }[]).flatMap((x) => (x.id ? [x.id] : [])),
      );
      if (released.length > 0) await deps.outbox.enqueue(released);
    }
    const next = await applySyncPage(deps, community, state, page);
    if (!next) return { status: "skipped", reason: "another run is reading this page" };
    state = next;
    if (page.next === null) break;
  }
  return { status: "done" };
}
