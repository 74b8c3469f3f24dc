import type { RotationScope } from "./scope.ts";
import type { MemberTally } from "./tally.ts";
import type { Day, LedgerEntry, RotationMember, RotationMode, RotationState } from "./types.ts";

/** The meeting settings that travel with the rotation (communities columns, migration 0007). */
export interface MeetingSettings {
  /** Days before a meeting that its announcement goes out (0 = on the day). */
  readonly announceDays: number;
  /** Reminders the day before (at the meeting's local time) and 1 hour before. */
  readonly remindDay: boolean;
  readonly remindHour: boolean;
  /** Whether a moderator chose the time zone (else a schedule may take the Slack zone). */
  readonly timezoneSet: boolean;
}

/** The rotation as a flow's scope needs it, and the meeting settings of the community. */
export interface RotationBook {
  readonly state: RotationState;
  readonly settings: MeetingSettings;
}

/** What `/cop rotation fairness` reads: the lines it may show and what it counts. */
export interface FairnessReads {
  /** The scope's view: the fairest members in the rotation (eligible today or not). */
  readonly state: RotationState;
  /** Members with a turn on record (alumni too), fairest first, at most `scope.extra`. */
  readonly history: readonly MemberTally[];
  /** How many members have a turn on record. */
  readonly historyCount: number;
  /** How many members in the rotation have none. */
  readonly freshCount: number;
  /** Those of them who may not be eligible today (away, or joined lately): judged one by one. */
  readonly unsettled: readonly RotationMember[];
}

/**
 * What core reads about the rotation (store.ts). Always read fresh. No read lists every
 * member: a plan reads the fairest candidates for its scope, counts are counted in SQL.
 */
export interface RotationReads {
  /** The meeting settings and the rotation's mode alone (one row). */
  settings(communityId: number): Promise<MeetingSettings & { readonly mode: RotationMode }>;
  /** The rotation a plan over `scope` needs (the candidates, the ledger's days, the aways). */
  view(communityId: number, scope: RotationScope): Promise<RotationBook>;
  /** One member's place in the rotation (null: guyub has no such member). */
  member(communityId: number, userId: string): Promise<RotationMember | null>;
  /**
   * How many members take turns in `mode` (the community's own when left out): active, not taken
   * out, and opted in when only volunteers do. Counted over an index, never listed.
   */
  poolSize(communityId: number, mode?: RotationMode): Promise<number>;
  /** The latest closes (held, skipped, cancelled), latest day first. */
  closes(communityId: number, limit: number): Promise<LedgerEntry[]>;
  /** What `/cop rotation fairness` shows for `scope` (today, `extra` lines). */
  fairness(communityId: number, scope: RotationScope): Promise<FairnessReads>;
  /** The request `fromUser` made to `toUser` for `day` (one per day and pair), or null. */
  swapRequest(communityId: number, day: Day, fromUser: string, toUser: string): Promise<SwapRequest | null>;
  /** Display names of up to 90 members by platform user id (those guyub knows a name for). */
  names(communityId: number, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** A stored swap request. */
export interface SwapRequest {
  readonly status: "pending" | "accepted" | "declined" | "expired";
  readonly createdAt: Date;
}
