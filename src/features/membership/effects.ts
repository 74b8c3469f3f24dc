/**
 * The state changes membership asks for. They join core's `Effect` union (ports.ts) and are applied
 * by `store.apply` in one D1 batch with everything else (the welcome drafts, the ingress key).
 */

/** Why an alumnus left: stepped back (`/cop leave`), left the main channel, or left the platform. */
export type LeaveReason = "self" | "channel" | "gone";

/** One member as a sync page found them (present, not a bot, not deactivated). */
export interface SyncedMember {
  readonly userId: string;
  readonly displayName: string | null;
  /** When the platform says they joined (Discord), else the pass's time. ISO. */
  readonly joinedAt: string;
}

/** One page of a sync pass, with what the pre-read of the page's stored members found. */
export interface SyncPage {
  /** The pass this page belongs to (its start, ISO). A new pass starts with page 0. */
  readonly pass: string;
  readonly pageNumber: number;
  /** The platform's cursor for the page after this one; null when this page ended the pass. */
  readonly next: string | null;
  readonly present: readonly SyncedMember[];
  /** Present members welcomed by this page (new since the first full pass). */
  readonly welcomed: readonly string[];
  /**
   * The first full pass is still under way: members this page inserts were here before guyub
   * (founders: never welcomed, never kept waiting as newcomers). Rows already stored keep theirs.
   */
  readonly founders: boolean;
  /** How many present members are new or came back (alumni who had left the platform). */
  readonly joined: number;
  /** When the job is next due: soon while the pass goes on, in an hour once it ended. */
  readonly nextRunAt: string;
  /**
   * The pass ended and saw someone: stored members on none of its pages have left. A listing
   * that returned nobody is a platform fault, not an exodus, so it never sweeps.
   */
  readonly sweep: boolean;
}

export type MembershipEffect =
  /**
   * Someone joined or came back: a new row, or an alumnus made active again (any reason).
   * `welcome` records the welcome (its draft is a separate `outbox.send` in the same batch).
   */
  | {
      readonly type: "member.join";
      readonly userId: string;
      readonly displayName: string | null;
      readonly welcome: boolean;
    }
  /** The member left or stepped back: alumni, out of every active-members query, kept in history. */
  | { readonly type: "member.leave"; readonly userId: string; readonly reason: LeaveReason }
  /** The one follow-up reminder was written. */
  | { readonly type: "member.followedUp"; readonly userId: string }
  /** A page of the member-list sync: bulk upsert, its cursor and counts; the last page sweeps leavers. */
  | { readonly type: "member.syncPage"; readonly page: SyncPage }
  /** Ask the sync job to run at its next chance (`/copmod onboarding sync`). */
  | { readonly type: "member.syncRequest" }
  /** Onboarding texts and follow-up delay; `null` text resets to the default (welcome) or none (conduct). */
  | {
      readonly type: "onboarding.settings";
      readonly welcomeText?: string | null;
      readonly conductText?: string | null;
      readonly followupDays?: number;
    }
  /** The channel every feature posts to. Clears the "no main channel" notice. */
  | { readonly type: "community.mainChannel"; readonly channelId: string }
  /** Something wanted to post publicly but no main channel is set: moderators are told once. */
  | { readonly type: "onboarding.noMainChannel" };
