/**
 * The topic backlog's state changes, applied by `store.apply` (store.ts) in one batch with
 * the audit entry and the ingress key. Every one is safe to repeat and safe under a race: the SQL
 * itself holds the rules (the spam brake, one open topic per folded title, one vote per member).
 */
export type TopicEffect =
  /**
   * A new open topic, unless the member already made `SUGGESTIONS_PER_WINDOW` in the last window
   * (`brake`) or an open topic has the same key; then `voter`'s vote goes on the open topic with
   * that key, if there is one. Nothing is stored when the brake holds and no such topic exists.
   */
  | {
      readonly type: "topic.suggest";
      readonly title: string;
      readonly titleKey: string;
      readonly details: string | null;
      /** The suggester's platform id; null for an unnamed need from an intro form. */
      readonly suggestedBy: string | null;
      readonly source: "member" | "intro";
      /** Whose vote the topic gets (the suggester's own, or the intro's member's). */
      readonly voter: string;
      /** Count `suggestedBy`'s topics of the last window and refuse the eleventh. */
      readonly brake: boolean;
    }
  /** One vote per member per topic (the primary key); only on an open topic. */
  | { readonly type: "topic.vote"; readonly topicId: number; readonly userId: string }
  | { readonly type: "topic.unvote"; readonly topicId: number; readonly userId: string }
  /** Pins an open topic and unpins every other: one pinned topic at a time. */
  | { readonly type: "topic.pin"; readonly topicId: number }
  /** Takes an open topic out of the backlog (and unpins it); its votes stay for history. */
  | { readonly type: "topic.retire"; readonly topicId: number }
  /** A new title for an open topic, unless another open topic already has its key. */
  | {
      readonly type: "topic.edit";
      readonly topicId: number;
      readonly title: string;
      readonly titleKey: string;
    };
