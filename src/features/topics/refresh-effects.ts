/**
 * The state changes of the topic refresh (issue 8, part 2); applied by `store.apply` in one batch
 * (refresh-store.ts). The choice itself is insert-or-ignore: one choice per meeting.
 */
export type TopicRefreshEffect =
  /** The rule's choice for a meeting (by its scheduled day); a second one changes nothing. */
  | {
      readonly type: "topic.decide";
      readonly meetingDay: string;
      readonly topicId: number;
      readonly source: "pinned" | "rule";
      /** The ids offered to the host, best first (the chosen one first). */
      readonly candidates: readonly number[];
    }
  /** The host picked one of the offered candidates (checked again in SQL). */
  | {
      readonly type: "topic.hostChoose";
      readonly meetingDay: string;
      readonly topicId: number;
      readonly userId: string;
    }
  /**
   * Topics of meetings the ledger records as held get `last_discussed_on` = that day, and a pin is
   * spent once its topic was discussed.
   */
  | { readonly type: "topic.markDiscussed" }
  /**
   * Open, unpinned topics without a vote since `cutoff` (none at all: suggested before it) are
   * archived, except one chosen for a meeting on or after `today`.
   */
  | { readonly type: "topic.archiveStale"; readonly cutoff: string; readonly today: string };
