/**
 * What the health page reads from D1 (src/features/dashboard/page-store.ts), as plain numbers and
 * days: the store counts, the core (`render.ts`) compares periods and decides what may be shown.
 */
export interface DashboardReading {
  /** Member activity history (migration 0021); `firstWeek` null when none was ever written. */
  activity: {
    firstWeek: string | null;
    activeCurrent: number;
    activePrevious: number;
    /** Active in the period and the one before it. */
    returningCurrent: number;
    returningPrevious: number;
    /** Active days of the most active tenth (at least one member), and of everyone. */
    topTenthDaysCurrent: number;
    allDaysCurrent: number;
    topTenthDaysPrevious: number;
    allDaysPrevious: number;
    /** Active members per chart week. */
    weekly: readonly { week: string; members: number }[];
  };
  /** The latest held meetings (hosted, or with attendance), oldest first, at most 24. */
  meetings: readonly MeetingFacts[];
  /** Passes and swaps by meeting day, over the last year. */
  turns: readonly { day: string; passed: number; swapped: number }[];
  /** Newcomers by month of joining (UTC month of `joined_at`), the last six months. */
  cohorts: readonly Cohort[];
  newcomers: NewcomerCounts;
  topics: {
    backlog: number;
    /** The middle open topic's creation time, for the backlog's median age; null when empty. */
    medianCreatedAt: string | null;
    votesCurrent: number;
    votesPrevious: number;
  };
  kudos: {
    giversCurrent: number;
    receiversCurrent: number;
    giversPrevious: number;
    receiversPrevious: number;
  };
  reports: {
    open: number;
    openOver72h: number;
    /** Hours from report to a moderator closing it, for reports closed in each period. */
    hoursCurrent: readonly number[];
    hoursPrevious: readonly number[];
  };
}

export interface MeetingFacts {
  day: string;
  attended: number;
  rsvpYes: number;
  /** The host's platform user id, if the rotation recorded one. */
  host: string | null;
  /** The host's first hosted day ever (so a first-time host is one whose first day is here). */
  hostFirstDay: string | null;
  /** Whether a member-suggested topic was on the agenda. */
  memberTopic: boolean;
}

export interface Cohort {
  month: string;
  joined: number;
  welcomed: number;
  introduced: number;
  active30: number;
  active90: number;
}

/** Newcomers in the current and previous periods (from `members.joined_at`). */
export interface NewcomerCounts {
  current: number;
  previous: number;
}
