import type { JobStarter } from "../core/job-starter.ts";
import type { Db } from "../db/client.ts";
import type { JobMessage } from "./job-message.ts";

/**
 * Starts a job for one community now, the way the dispatcher would: a claim in `job_runs` (period
 * `now:<minute>`, so a repeated or replayed request within the minute claims nothing), then one
 * message on the JOBS queue. If the send fails the claim stays and the dispatcher resends it.
 */
export function createJobStarter(db: Db, jobs: Pick<Queue, "send">): JobStarter {
  return {
    async start(job, communityId, now) {
      const at = now.toISOString();
      const period = `now:${at.slice(0, 16)}Z`;
      const claimed = await db
        .insertInto("job_runs")
        .values({ job, community_id: communityId, period, scheduled_at: at, claimed_at: at })
        .onConflict((oc) => oc.columns(["job", "community_id", "period"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return false;
      const message: JobMessage = { job, communityId, period, runId: claimed.id, at };
      try {
        await jobs.send(message);
        return true;
      } catch (error) {
        console.error("could not queue the job now; the dispatcher resends its claim", { job, error });
        return false;
      }
    },
  };
}
