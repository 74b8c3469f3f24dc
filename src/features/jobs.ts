import type { JobKind } from "../jobs/job-kind.ts";
import { weeklyDigest } from "./digest/jobs.ts";
import { topicRefresh } from "./topics/refresh-job.ts";

/**
 * Every feature's scheduled jobs, in dispatch order (the order is observable: jobs due at the
 * same tick are claimed in it). `src/jobs/registry.ts` spreads this list into `JOB_KINDS`. Kept
 * apart from `server.ts`: jobs import `src/jobs/`, which reaches the store and so `server.ts`.
 */
export const FEATURE_JOBS: readonly JobKind[] = [weeklyDigest, topicRefresh];
