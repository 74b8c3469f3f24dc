// The shape of a scheduled job, apart from the list of jobs (registry.ts): every job file needs
// these types, and the registry imports every job file.
import type { DirectoryFor } from "../core/membership/directory.ts";
import type { CommunityStore } from "../core/ports.ts";
import type { Db } from "../db/client.ts";
import type { HistoryFor } from "../platforms.ts";
import type { KeySecrets } from "../secrets/key-ring.ts";
import type { PlannedClaim } from "./claimed.ts";

/** What a job may use. No raw env: tests and the demo hand in the same things with their own clock. */
export interface JobDeps {
  readonly db: Db;
  readonly d1: D1Database;
  readonly store: CommunityStore;
  /** Outbox ids to the delivery queue, optionally delayed. */
  readonly outbox: {
    enqueue(ids: readonly number[]): Promise<void>;
    requeue(ids: readonly number[], delaySeconds: number): Promise<void>;
  };
  /** The scheduled event's time (dispatch) or the time that claimed the run (consumer). */
  readonly now: Date;
  /** The platform member lists (Slack users.list, Discord guild members), for the member sync. */
  readonly directory?: DirectoryFor;
  /** Channel history by platform (Discord's), for the activity job. */
  readonly history?: HistoryFor;
  /** The key ring's secrets, for the job that re-encrypts stored tokens. */
  readonly keys?: KeySecrets;
}

/** One due piece of work. `communityId` 0 is work that is not about one community. */
export interface DueItem {
  readonly communityId: number;
  readonly period: string;
}

export type JobResult = { readonly status: "done" } | { readonly status: "skipped"; readonly reason: string };

/** A kind of scheduled work. Adding one is one file and one line in `JOB_KINDS`. */
export interface JobKind {
  readonly name: string;
  /** What is due at `deps.now`: periods after each community's last claim (missed crons catch up). */
  due(deps: JobDeps): Promise<DueItem[]>;
  /** Runs one claimed item; work whose moment has passed is `skipped`, not done late. */
  run(deps: JobDeps, item: DueItem): Promise<JobResult>;
  /** When the job will next act for a community, as of `deps.now` (for the setup checklist). */
  nextRun(deps: JobDeps, communityId: number): Promise<Date | null>;
  /**
   * The next runs members will notice (posts, DMs), soonest first, as of `deps.now`: the quarter-
   * hours and periods the dispatcher will claim, found with the test `due` uses and leaving out
   * periods already claimed. Only such kinds have it; plumbing (sweeps, syncs) leaves it out.
   */
  upcoming?(deps: JobDeps, communityId: number, count: number): Promise<PlannedClaim[]>;
}
