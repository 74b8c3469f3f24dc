/** The outbox key of a meeting's record: one per meeting (by its scheduled day), ever. */
export function recordKey(meetingDay: string): string {
  return `record:${meetingDay}`;
}

/** What the record's edits and post are guarded on; the store computes the same in SQL. */
export interface FingerprintParts {
  readonly count: number;
  readonly lastChange: string;
  readonly textLength: number;
  /** The sum of their numbers: a number guessed wrong (another meeting's add took it) shows. */
  readonly numbers: number;
  readonly attended: number;
}

/**
 * The state a record was rendered for: how many entries, their latest change, the length of their
 * texts, the sum of their numbers and the attendance count. `store.ts` computes the same string in SQL inside the batch.
 */
export function recordFingerprint(parts: FingerprintParts): string {
  return `${parts.count}/${parts.lastChange}/${parts.textLength}/${parts.numbers}/${parts.attended}`;
}

/** An entry's length as the fingerprint counts it (SQLite `length` counts characters). */
export function entryLength(entry: {
  readonly body: string;
  readonly url: string | null;
  readonly assignee: string | null;
}): number {
  return [...entry.body].length + [...(entry.url ?? "")].length + [...(entry.assignee ?? "")].length;
}
