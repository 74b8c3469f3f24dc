import type { Community } from "../../core/model.ts";
import type { RotationBook, RotationReads } from "../rotation/reads.ts";
import { rotationScope } from "../rotation/scope.ts";
import type { Day } from "../rotation/types.ts";
import { type PlannedMeeting, planMeetings } from "./plan.ts";
import type { MeetingCalendar, MeetingReads } from "./reads.ts";
import { upcomingMeetings } from "./schedule.ts";

/** What reading a plan needs; a command's, an action's and a job's context all fit. */
export interface PlanContext {
  readonly community: Pick<Community, "id" | "timezone">;
  readonly now: Date;
  readonly store: { readonly meetings: MeetingReads; readonly rotation: RotationReads };
}

/** The calendar, the rotation read for the plan's days, and the planned meetings (null: no series). */
export interface PlanRead {
  readonly calendar: MeetingCalendar;
  readonly book: RotationBook;
  readonly meetings: PlannedMeeting[] | null;
}

/** The scheduled days of the next `count` meetings not over at `now` (none without a series). */
export function comingDays(calendar: MeetingCalendar, timezone: string, now: Date, count: number): Day[] {
  if (!calendar.series || count === 0) return [];
  const series = { ...calendar.series, timezone };
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, now, count).map(
    (m) => m.scheduledDay,
  );
}

/**
 * Reads the calendar, then the rotation for the next `count` meetings (and `options.days`, for a
 * flow that also looks at other days), and plans them. `options.members`: the members the flow
 * names or changes, read whatever their standing; `options.extra`: more of the fairest to read.
 */
export async function readPlan<T = undefined>(
  ctx: PlanContext,
  count: number,
  options: {
    readonly members?: readonly string[];
    readonly days?: readonly Day[];
    readonly extra?: number;
    /** Reads of the flow's own about the coming days, made while the rotation is read. */
    readonly alongside?: (days: readonly Day[]) => Promise<T>;
  } = {},
): Promise<PlanRead & { readonly alongside?: T }> {
  const { community, now, store } = ctx;
  const calendar = await store.meetings.calendar(community.id);
  const days = [...comingDays(calendar, community.timezone, now, count), ...(options.days ?? [])];
  const scope = rotationScope(now, community.timezone, days, options);
  const [book, alongside] = await Promise.all([
    store.rotation.view(community.id, scope),
    options.alongside?.(days),
  ]);
  const meetings = planMeetings(calendar, community.timezone, book.state, now, count);
  return alongside === undefined ? { calendar, book, meetings } : { calendar, book, meetings, alongside };
}
