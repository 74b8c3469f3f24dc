import type { UpcomingWork } from "../core/setup/ports.ts";
import type { JobDeps, JobKind } from "./job-kind.ts";

/**
 * The setup checklist's port: the job kinds' own `upcoming` (the test their `due` uses) merged,
 * soonest first; kinds run at the same quarter-hour keep the dispatcher's order. Only kinds whose
 * work members notice have `upcoming`, so plumbing never shows.
 */
export function createUpcomingWork(depsAt: (now: Date) => JobDeps, kinds: readonly JobKind[]): UpcomingWork {
  return {
    async next(communityId, now, count) {
      const deps = depsAt(now);
      const lists = await Promise.all(
        kinds.map(async (kind, order) =>
          (await (kind.upcoming?.(deps, communityId, count) ?? [])).map((run) => ({
            ...run,
            job: kind.name,
            order,
          })),
        ),
      );
      return lists
        .flat()
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order)
        .slice(0, count)
        .map(({ at, job, period }) => ({ at, job, period }));
    },
  };
}
