/** A note is at most this many characters: a page of ten must fit Discord's 2,000-character message. */
export const NOTE_MAX = 120;
/** Entries per page of `/copmod audit list` (ten: a page of notes still fits one Discord message). */
export const PAGE_SIZE = 10;

/**
 * One line of a community's history: a moderator's action (an `audit_log` row) or, later, any
 * other source a feature adds to the history query (store.ts, `HISTORY_SOURCES`: reports).
 */
export interface HistoryEntry {
  /** Which source the row came from: `audit` for `audit_log`. */
  readonly source: string;
  readonly at: string;
  /** The platform user id of whoever acted; null when the platform acted (an uninstall). */
  readonly actor: string | null;
  /** `audit_log.action`: the command's name (`moderators add`), `audit note`, `delivery lost`. */
  readonly action: string;
  /** The row's JSON detail: a command's `args` and `effects`. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface HistoryQuery {
  /** Only entries about this platform user id (an argument of the action equals it). */
  readonly about?: string;
  readonly offset: number;
  readonly limit: number;
}

/** What the audit view reads (store.ts). */
export interface AuditReads {
  /** Newest first; `limit + 1` rows asked tell whether a next page exists. */
  history(communityId: number, query: HistoryQuery): Promise<readonly HistoryEntry[]>;
}

/**
 * A moderator's private note on a member. It is the audit row itself (written by `runCommand` with
 * every moderator command's effects): the effect adds no statement of its own.
 */
export interface AuditNoteEffect {
  readonly type: "audit.note";
  readonly member: string;
}

declare module "../../core/model.ts" {
  interface FeatureEffects {
    audit: AuditNoteEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly audit: AuditReads;
  }
}
