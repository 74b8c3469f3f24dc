import type { Day, RotationState } from "./types.ts";

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

/** The rotation's stored state and the meeting settings of one community. */
export interface RotationBook {
  readonly state: RotationState;
  readonly settings: MeetingSettings;
}

/** What core reads about the rotation (src/db/rotation.ts). Always read fresh. */
export interface RotationReads {
  book(communityId: number): Promise<RotationBook>;
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
