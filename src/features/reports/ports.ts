import type { OutboxDraft } from "../../core/delivery.ts";

/** Reports one member may make per local day; the 6th is refused inside its INSERT. */
export const REPORTS_PER_DAY = 5;
/** `/cop report <what happened>`: at most this many characters (sealed, so no column CHECK). */
export const REPORT_TEXT_MAX = 1000;
/** A reason given in the report form, and a moderator's closing note (the migration's CHECK: 300). */
export const REPORT_REASON_MAX = 300;

/** The reports' settings (report_settings, migration 0018). */
export interface ReportSettings {
  /** The private moderators' channel for triage cards; null: cards go to moderators by DM. */
  readonly channelId: string | null;
}

export type ReportStatus = "open" | "claimed" | "resolved" | "dismissed";

/** One reporter of a report, as moderators see them on the card. */
export interface ReportReporter {
  readonly userId: string;
  readonly name: string | null;
  /** Sealed envelope, or null when no reason was given (or it was erased). */
  readonly reason: string | null;
  readonly createdAt: string;
}

/** A report as stored, its text still sealed. */
export interface ReportView {
  readonly id: number;
  readonly subject: string;
  /** The card's outbox key `report:<ref>`; `ref` travels in the card's buttons. */
  readonly cardKey: string;
  readonly cardChannelId: string | null;
  readonly reportedUser: string | null;
  readonly reportedName: string | null;
  readonly messageLink: string | null;
  /** Sealed envelope; null once erased. */
  readonly snapshot: string | null;
  readonly count: number;
  readonly status: ReportStatus;
  readonly claimedBy: string | null;
  readonly claimedName: string | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly reporters: readonly ReportReporter[];
}

/** What reports read (store.ts). */
export interface ReportsReads {
  settings(communityId: number): Promise<ReportSettings>;
  /** The report of a subject (`message:<channel>:<ts>` or `note:<uuid>`), if any. */
  bySubject(communityId: number, subject: string): Promise<ReportView | null>;
  /** The report whose card key is `report:<ref>`, if any. */
  byRef(communityId: number, ref: string): Promise<ReportView | null>;
  /** Reports a member made on a local day (a hint for the refusal; the INSERT enforces it). */
  madeOn(communityId: number, reporter: string, day: string): Promise<number>;
  /** Whether this member's report of this subject is stored. */
  reportedBy(communityId: number, subject: string, reporter: string): Promise<boolean>;
  /** Who "every moderator" is: guyub's moderators and members cached as platform admins. */
  moderatorIds(communityId: number): Promise<string[]>;
  /** The outbox keys of a card's copies: the post in the moderators' channel, or one DM each. */
  cardCopies(communityId: number, cardKey: string): Promise<string[]>;
}

/** A new report, or one more reporter of a reported subject, with the card drafts it sends. */
export interface ReportSubmitEffect {
  readonly type: "reports.submit";
  readonly subject: string;
  readonly reporter: string;
  /** The reporter's local day (the daily limit counts by it). */
  readonly day: string;
  readonly reportedUser: string | null;
  readonly messageLink: string | null;
  /** Sealed; null when there is no text. */
  readonly snapshot: string | null;
  /** Sealed; null when no reason was given. */
  readonly reason: string | null;
  /** The card's key: a new `report:<ref>` for a new subject, else the stored one. */
  readonly cardKey: string;
  readonly cardChannelId: string | null;
  /** The card (post, DMs) or its edits: written only if this reporter's row was. */
  readonly drafts: readonly OutboxDraft[];
}

/** A moderator's claim, resolve or dismiss: applied only from the listed statuses. */
export interface ReportStatusEffect {
  readonly type: "reports.status";
  readonly reportId: number;
  readonly from: readonly ReportStatus[];
  readonly to: ReportStatus;
  readonly moderator: string;
  readonly note: string | null;
  /** The card's edits and the reporters' notices: written only if the status changed now. */
  readonly drafts: readonly OutboxDraft[];
}

/** The reports' state changes, applied by `store.apply` in one batch (store.ts). */
export type ReportsEffect =
  | { readonly type: "reports.channel"; readonly channelId: string | null }
  | ReportSubmitEffect
  | ReportStatusEffect;

// The reports' state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    reports: ReportsEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly reports: ReportsReads;
  }
}
