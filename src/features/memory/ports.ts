/** What an entry is: a key point, a link shared (with its title), a follow-up someone took on. */
export type EntryKind = "note" | "resource" | "action";

/** The `body` CHECK of `meeting_entries` (a note, an action, a resource's title). */
export const ENTRY_BODY_MAX = 1000;
/** The `url` CHECK of `meeting_entries` and `topic_resources`. */
export const LINK_MAX = 500;
/** How far back a date as the first word may reach: a meeting held in the last 30 days. */
export const RECENT_DAYS = 30;

/** One note, resource or action of a meeting's record, as members see it. */
export interface MeetingEntry {
  /** The short number members use (`/cop meeting note remove 3`): per community. */
  readonly number: number;
  readonly meetingDay: string;
  readonly kind: EntryKind;
  readonly body: string;
  readonly url: string | null;
  readonly assignee: string | null;
  /** A platform user id, or `former:<id>` once its author was forgotten. */
  readonly author: string;
  readonly createdAt: string;
}

/** What the meeting memory reads (store.ts). */
export interface MemoryReads {
  /** A meeting's entries, by number. */
  entries(communityId: number, meetingDay: string): Promise<MeetingEntry[]>;
  /** One entry by its short number, whatever its meeting. */
  entry(communityId: number, number: number): Promise<MeetingEntry | null>;
  /** The entry a member added at this moment (the reply names its number once it is stored). */
  addedAt(communityId: number, author: string, at: Date): Promise<MeetingEntry | null>;
}

/** The text of an entry, checked in core: member text, read as plain text, within the CHECKs. */
export interface EntryText {
  readonly body: string;
  readonly url: string | null;
  readonly assignee: string | null;
}

/**
 * An entry added to a meeting. Its number is one more than the highest of the community,
 * computed inside the INSERT (D1 runs one batch at a time, so two adds never share one).
 */
export interface EntryAddEffect extends EntryText {
  readonly type: "memory.add";
  readonly meetingDay: string;
  readonly kind: EntryKind;
  readonly author: string;
}

/** An entry changed by its author, the meeting's host or a moderator (checked in core). */
export interface EntryEditEffect extends EntryText {
  readonly type: "memory.edit";
  readonly number: number;
}

/** An entry removed (same people as an edit). */
export interface EntryRemoveEffect {
  readonly type: "memory.remove";
  readonly number: number;
}

export type MemoryEffect = EntryAddEffect | EntryEditEffect | EntryRemoveEffect;

// The memory's state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    memory: MemoryEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly memory: MemoryReads;
  }
}
