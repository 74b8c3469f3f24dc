/**
 * What the setup checklist asks the scheduler: the runs members will notice (posts and DMs),
 * soonest first. Implemented in `src/jobs/upcoming.ts` from the job kinds' own `upcoming`, the
 * code their `nextRun` uses, so the checklist says what the dispatcher will then claim.
 */
export interface PlannedRun {
  /** The quarter-hour the dispatcher claims the run. */
  readonly at: Date;
  /** The job kind's name (`meeting-announce`, `meeting-remind`, `weekly-digest`). */
  readonly job: string;
  /** The claim's period: which meeting (`2027-03-02`, `2027-03-02:24h`) or week (`2027-W09`). */
  readonly period: string;
}

/** The scheduler, as far as core may know it (core never imports `src/jobs`). */
export interface UpcomingWork {
  /** The next `count` runs for a community as of `now`, soonest first. */
  next(communityId: number, now: Date, count: number): Promise<readonly PlannedRun[]>;
}
