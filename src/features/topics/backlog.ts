/** What the topic commands read (store.ts implements it over D1). */

/** An open topic as the backlog shows it, with its votes and whether the reader voted. */
export interface OpenTopic {
  readonly id: number;
  readonly title: string;
  readonly details: string | null;
  readonly pinned: boolean;
  readonly source: "member" | "intro";
  /** The suggester's platform id; null for an unnamed need from an intro form. */
  readonly suggestedBy: string | null;
  readonly votes: number;
  /** Links shared on it (`/cop topic resource`). */
  readonly resources: number;
  /** Whether the member reading has voted for it. */
  readonly mine: boolean;
  readonly createdAt: Date;
}

/** One topic by id, whatever its status (to say "retired" rather than "unknown"). */
export interface TopicRow extends OpenTopic {
  readonly status: "open" | "archived" | "retired";
}

/** What `topic suggest` needs to know before it decides: one read. */
export interface SuggestState {
  /** The open topic with the same folded title, if any. */
  readonly duplicate: Pick<OpenTopic, "id" | "title" | "mine"> | null;
  /** How many topics the member suggested since the window began. */
  readonly recent: number;
}

/** Topic reads for commands and buttons; writes are `TopicEffect`s. */
export interface TopicReads {
  /** Every open topic of the community, with votes and `mine` for `userId` (unordered). */
  backlog(communityId: number, userId: string): Promise<OpenTopic[]>;
  /** One topic of the community by id, or null. */
  byId(communityId: number, topicId: number, userId: string): Promise<TopicRow | null>;
  /** The open topic with this folded title, and the member's suggestions since `since`. */
  suggestState(communityId: number, userId: string, titleKey: string, since: Date): Promise<SuggestState>;
}
