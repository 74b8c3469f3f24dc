import { z } from "zod";

/**
 * A unit of scheduled work on the `guyub-jobs` queue: one claimed `(job, community, period)`.
 * `at` is the scheduled event's time that claimed it: the job's clock, never the wall clock.
 */
export const jobMessage = z.object({
  job: z.string().min(1).max(64),
  communityId: z.number().int().nonnegative(),
  period: z.string().min(1).max(64),
  runId: z.number().int().positive(),
  at: z.iso.datetime(),
});

export type JobMessage = z.infer<typeof jobMessage>;
