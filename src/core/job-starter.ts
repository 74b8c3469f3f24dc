/**
 * Starts a job now rather than at its next scheduled moment (`/copmod onboarding sync`). Core-wide
 * (every command's context may carry one), so it is not in a feature's folder.
 */
export interface JobStarter {
  /** Claims and queues one run; false when one was already started this minute. */
  start(job: string, communityId: number, now: Date): Promise<boolean>;
}
