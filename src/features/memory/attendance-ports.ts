/**
 * Attendance as a fact (issue 24): the host (or a moderator) confirms who attended in the form of
 * `/cop meeting done`. `self` rows ("I was there" on the record) are the record's own.
 */

/** People one confirmation may name: a Discord select holds 25, Slack's picker is held to the same. */
export const ATTENDANCE_MAX = 25;

/** What the attendance form reads (attendance-store.ts). */
export interface AttendanceReads {
  /** Who answered "yes" for the meeting of that scheduled day, earliest answer first. */
  rsvpYes(communityId: number, meetingDay: string): Promise<string[]>;
  /** Which of these platform user ids are members of the community (active or paused, not alumni). */
  members(communityId: number, userIds: readonly string[]): Promise<string[]>;
}

/**
 * The host's confirmation, applied in the batch that marks the meeting held: the meeting's earlier
 * `host` rows are replaced by these people; a member's own `self` row is never touched. Written only
 * if that same batch wrote the meeting's `hosted` ledger row (a second, racing submission is a no-op).
 */
export interface AttendanceConfirmEffect {
  readonly type: "attendance.confirm";
  readonly meetingDay: string;
  readonly userIds: readonly string[];
  /** The confirming host or moderator (platform user id). */
  readonly recordedBy: string;
}

declare module "../../core/model.ts" {
  interface FeatureEffects {
    attendance: AttendanceConfirmEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly attendance: AttendanceReads;
  }
}
