import { z } from "zod";

/**
 * A unit of scheduled work on the `guyub-jobs` queue: one job for one community and period.
 * `(job, communityId, period)` is the idempotency key the dispatcher claims before enqueueing.
 */
export const jobMessage = z.object({
  job: z.string().min(1).max(64),
  communityId: z.number().int().positive(),
  period: z.string().min(1).max(64),
});

export type JobMessage = z.infer<typeof jobMessage>;
