import type { OutboxDraft } from "../../core/delivery.ts";
import type { Capped, DigestPart, DigestWindow } from "../../core/digest/section.ts";
import type { MeetingCalendar, MeetingReads } from "../meetings/reads.ts";
import type { RotationReads } from "../rotation/reads.ts";
import type { LedgerEntry } from "../rotation/types.ts";
import type { HeldRecord } from "./records.ts";

// The window and capped lists are shared with the features' sections (src/core/digest/section.ts).
export type { Capped, DigestWindow };

/** What happened in a community in one week, read with indexed queries only (store.ts). */
export interface DigestWeek {
  /** Meetings marked held this week (`/cop meeting done [notes]`), oldest first, each with its record. */
  readonly held: readonly HeldRecord[];
  /** Members whose last activity is this week; meetings held; topics suggested this week. */
  readonly numbers: {
    readonly activeMembers: number;
    readonly meetingsHeld: number;
    readonly newTopics: number;
  };
  /**
   * The open topics with the most support, leaving out those chosen for a meeting (discussed, or
   * the next meeting's) and those the last two digests both showed: none comes back three
   * digests running.
   */
  readonly topTopics: readonly { readonly id: number; readonly title: string; readonly votes: number }[];
  /** Archived topics no digest has mentioned yet. */
  readonly archived: readonly { readonly id: number; readonly title: string }[];
  /** The features' sections (`Feature.digest`) with this week's data, in `FEATURES` order. */
  readonly sections: readonly DigestPart[];
}

/** What the digest knows of one meeting day: its ledger entries (who is committed to host), the topic, the RSVPs. */
export interface DigestMeetingDay {
  readonly ledger: readonly LedgerEntry[];
  readonly topic: string | null;
  readonly rsvps: { readonly yes: number; readonly maybe: number; readonly no: number };
}

/** The digest settings (communities columns, migration 0010). */
export interface DigestSettings {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  readonly weekday: number;
  /** Minutes after local midnight. */
  readonly minute: number;
  readonly enabled: boolean;
  readonly mainChannelId: string | null;
}

/** The reads the digest needs (store.ts). */
export interface DigestReads {
  /** The week's news; `period` (the digest's ISO week) tells which earlier digests' topics rest. */
  week(communityId: number, window: DigestWindow, period: string): Promise<DigestWeek>;
  /** The meeting and rotation reads, to plan the next meeting's host as `/cop meeting next` does. */
  readonly meetings: MeetingReads;
  readonly rotation: RotationReads;
  calendar(communityId: number): Promise<MeetingCalendar>;
  meetingDay(communityId: number, scheduledDay: string): Promise<DigestMeetingDay>;
  settings(communityId: number): Promise<DigestSettings>;
  /** Whether an outbox message with this key exists (the week's digest was already posted). */
  posted(communityId: number, key: string): Promise<boolean>;
}

/** The digest's state changes, applied by `store.apply` in one batch (store.ts). */
export type DigestEffect =
  | {
      readonly type: "digest.settings";
      readonly weekday?: number;
      readonly minute?: number;
      readonly enabled?: boolean;
    }
  /**
   * The week's post, and the archived topics it mentions marked as reported in the same batch,
   * only if this batch wrote the post (a second post of the week marks nothing).
   */
  | {
      readonly type: "digest.post";
      readonly draft: OutboxDraft;
      readonly archivedTopicIds: readonly number[];
      /** The digest's ISO week and the top topics it shows, recorded with the post (same condition). */
      readonly topics?: { readonly period: string; readonly ids: readonly number[] };
    };

// The digest's state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    digest: DigestEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** The weekly digest's reads. */
    readonly digest: DigestReads;
  }
}
