import type { OutboxDraft } from "../../core/delivery.ts";

/** What an entry is: a key point, a link shared (with its title), a follow-up someone took on. */
export type EntryKind = "note" | "resource" | "action";

/** The `body` CHECK of `meeting_entries` (a note, an action, a resource's title). */
export const ENTRY_BODY_MAX = 1000;
/** The `url` CHECK of `meeting_entries` and `topic_resources`. */
export const LINK_MAX = 500;
/** The `title` CHECK of `topic_resources`. */
export const TOPIC_RESOURCE_TITLE_MAX = 200;
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
  readonly updatedAt: string;
}

/**
 * What a meeting's record shows besides its entries, and the state its post and edits are
 * guarded on (`fingerprint`, see `recordFingerprint`).
 */
export interface RecordState {
  readonly entries: readonly MeetingEntry[];
  /** Members who attended (pressed "I was there" or confirmed by the host). */
  readonly attended: number;
  /** Whether the record (`record:<day>`) was drafted already: later changes edit it. */
  readonly posted: boolean;
  /** The announcement's channel (`announce:<day>`), where the record replies; null if never drafted. */
  readonly announcementChannel: string | null;
  /** The highest short number in the community: an add takes the next. */
  readonly lastNumber: number;
}

/** Whether a member's attendance of a meeting is recorded. */
export interface Attendance {
  readonly attended: number;
  readonly mine: boolean;
}

/** What the meeting memory reads (store.ts). */
export interface MemoryReads {
  /** A meeting's entries, by number. */
  entries(communityId: number, meetingDay: string): Promise<MeetingEntry[]>;
  /** One entry by its short number, whatever its meeting. */
  entry(communityId: number, number: number): Promise<MeetingEntry | null>;
  /** The entry a member added at this moment (the reply names its number once it is stored). */
  addedAt(communityId: number, author: string, at: Date): Promise<MeetingEntry | null>;
  /** Everything a meeting's record shows, read together. */
  record(communityId: number, meetingDay: string): Promise<RecordState>;
  /** How many attended a meeting, and whether this member did. */
  attendance(communityId: number, meetingDay: string, userId: string): Promise<Attendance>;
  /** Who said "I was there" themselves (rows the host's confirmation keeps). */
  selfAttendees(communityId: number, meetingDay: string): Promise<string[]>;
  /** Who shared this link on this topic (null: nobody yet). */
  topicResourceBy(communityId: number, topicId: number, url: string): Promise<string | null>;
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
  readonly record?: RecordDraft;
  readonly meetingDay: string;
  readonly kind: EntryKind;
  readonly author: string;
}

/** An entry changed by its author, the meeting's host or a moderator (checked in core). */
export interface EntryEditEffect extends EntryText {
  readonly type: "memory.edit";
  readonly record?: RecordDraft;
  readonly number: number;
}

/** An entry removed (same people as an edit). */
export interface EntryRemoveEffect {
  readonly type: "memory.remove";
  readonly record?: RecordDraft;
  readonly number: number;
}

/** "I was there": one `self` row per member and meeting (a second press changes nothing). */
export interface AttendEffect {
  readonly type: "memory.attend";
  readonly meetingDay: string;
  readonly userId: string;
  readonly record?: RecordDraft;
}

/**
 * The record's post (its first change) or an edit of it, written in the change's batch only while
 * the meeting's state is the one it was rendered for (`fingerprint`): of two changes at once, the
 * one that read a state already gone writes no edit rather than one that hides the other's entry.
 */
export interface RecordDraft {
  readonly meetingDay: string;
  readonly draft: OutboxDraft;
  readonly fingerprint: string;
}

/** A link shared on a backlog topic, once per link (`UNIQUE (topic_id, url)`). */
export interface TopicResourceEffect {
  readonly type: "memory.topicResource";
  readonly topicId: number;
  readonly url: string;
  readonly title: string;
  readonly addedBy: string;
}

/**
 * The record drawn again with no change of its own: posted when the meeting starts, redrawn by
 * the catch-up job, refreshed with the host's confirmation. Guarded like any record draft.
 */
export interface RecordRefreshEffect {
  readonly type: "memory.refresh";
  readonly record: RecordDraft;
}

export type MemoryEffect =
  | RecordRefreshEffect
  | EntryAddEffect
  | EntryEditEffect
  | EntryRemoveEffect
  | AttendEffect
  | TopicResourceEffect;

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
