import type { AppEnv } from "../env.ts";
import type { JobMessage } from "./job-message.ts";

/** A scheduled job: which (community, period) pairs are due now, and how to run one. */
export interface JobDefinition {
  readonly name: string;
  /** Due work as of `now`; the dispatcher claims each before it is queued. */
  due(env: AppEnv, now: Date): Promise<JobMessage[]>;
  run(env: AppEnv, message: JobMessage, now: Date): Promise<void>;
}

/**
 * The jobs guyub runs. Reminders, topic refresh, nudges and digests each add one entry here
 * in their own issue; the dispatcher and the queue consumer need no change for that.
 */
export const JOBS: readonly JobDefinition[] = [];
