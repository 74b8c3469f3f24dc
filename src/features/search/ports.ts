import type { MessageRef } from "../../core/message.ts";

/** What a search hit is: a meeting's note, resource or action, a topic, or a resource on a topic. */
export type KnowledgeKind = "note" | "resource" | "action" | "topic" | "topicResource";

/** One thing `/cop search` found, with where it was learned. */
export interface KnowledgeHit {
  readonly kind: KnowledgeKind;
  /** The entry's short number (notes, resources, actions) or the topic's id (topics, topic resources). */
  readonly number: number;
  /** The words around the hits; hits between `HIT_START` and `HIT_END` (src/features/profile/search.ts). */
  readonly snippet: string;
  /** A topic's details around the hits, when the words were found there. */
  readonly detail: string | null;
  /** A resource's link (member text, http or https only, checked when it was stored). */
  readonly url: string | null;
  /** Who took an action on (a platform user id, or `former:<id>` once they were forgotten). */
  readonly assignee: string | null;
  /** The topic a topic resource is on, as written. */
  readonly topicTitle: string | null;
  /** The meeting it belongs to (its scheduled day, YYYY-MM-DD): an entry's, or a topic's latest. */
  readonly meetingDay: string | null;
  /** The meeting's record post once sent (outbox `record:<day>`), else its announcement, else null. */
  readonly record: { readonly ref: MessageRef; readonly kind: "record" | "announcement" } | null;
}

/** Search's reads; `store.ts` implements them over D1 (the FTS5 tables of migration 0020). */
export interface SearchReads {
  /**
   * What the community has kept that matches `match` (an FTS5 query built by `ftsQuery`, never raw
   * input), best first (bm25 over each index), at most `limit`; only the community's own rows.
   */
  find(communityId: number, match: string, limit: number): Promise<KnowledgeHit[]>;
}

// Search's reads join core's `CommunityStore` from here (declaration merging): `ctx.store.search`.
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** `/cop search` over meeting notes, resources, actions, topics and topic resources. */
    readonly search: SearchReads;
  }
}
