import { DAY_MS, MINUTE_MS } from "./durations.ts";

/**
 * How long guyub keeps each kind of data: every retention period in one place, so the code that
 * erases (`src/jobs/housekeeping.ts`, the delivery sweep) and the privacy docs (`docs/privacy.md`,
 * `docs/privasi.md`, which name these same periods) cannot drift apart. Lengths in milliseconds.
 */
export const RETENTION = {
  /** Ingress ids (platform retries come within minutes; signatures expire after five). */
  ingressIds: DAY_MS,
  /** Form drafts and profile drafts: answers kept between steps or after an error. */
  formDrafts: DAY_MS,
  /** A form asked as a conversation (one question at a time): a day after its last answer. */
  formConversations: DAY_MS,
  /** A Discord interaction token (or Slack response_url) in a follow-up's outbox row: it is dead by then. */
  interactionTokens: 15 * MINUTE_MS,
  /** The payload of an outbox row that could not be delivered (dead, undeliverable, lost). */
  failedOutboxPayloads: 30 * DAY_MS,
  /** Outbox rows that are finished (sent, superseded, skipped). */
  finishedOutbox: 30 * DAY_MS,
  /** Finished job runs (done, skipped). */
  jobRuns: 90 * DAY_MS,
  /** The audit trail (moderators' actions and notes). */
  auditTrail: 365 * DAY_MS,
  /** Which topics each weekly digest showed (a topic the last two showed rests in the next). */
  digestTopics: 28 * DAY_MS,
  /** A dashboard link or session after it expired (only hashes, but no reason to keep them). */
  dashboardAccess: DAY_MS,
  /** A closed report's encrypted message snapshot (issue 23's reports feature erases it). */
  closedReportSnapshots: 180 * DAY_MS,
} as const;

export type RetentionKind = keyof typeof RETENTION;

/** The instant before which data of `kind` is erased, as of `now` (ISO, as the tables store it). */
export function retentionCutoff(kind: RetentionKind, now: Date): string {
  return new Date(now.getTime() - RETENTION[kind]).toISOString();
}
