import type { ActionContext } from "../../core/actions/types.ts";
import { DAY_MS } from "../../core/durations.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import type { PlannedMeeting } from "../meetings/plan.ts";
import { readPlan } from "../meetings/plan-read.ts";
import type { RotationBook } from "./reads.ts";
import type { Day } from "./types.ts";

/** How many meetings ahead the rotation commands look (`show`, and a member's next turn). */
export const AHEAD = 4;
/**
 * How many meetings every plan is made over. Commitments (swaps, volunteers, passes) on any planned
 * day count before the others are chosen, so a plan depends on its horizon: every flow, and the
 * announcement's update, plans over the same 8 meetings so they name the same hosts.
 */
export const HORIZON = 8;

/** What a rotation command or button reads: the rotation and the coming meetings with their hosts. */
export interface TurnView {
  /** The rotation as these meetings need it: the fairest candidates, the member and `others`. */
  readonly book: RotationBook;
  /** Null when the community has no meeting series. */
  readonly meetings: readonly PlannedMeeting[] | null;
}

/** The context the rotation flows need (a command's and an action's both fit). */
export type TurnContext = Pick<ActionContext, "community" | "member" | "t" | "now" | "store" | "syntax">;

/**
 * Reads the calendar and the rotation and plans the next `count` meetings. The member acting is
 * read whatever their standing, and so are `others` (a swap's other side).
 */
export async function loadTurns(
  ctx: TurnContext,
  count = HORIZON,
  others: readonly string[] = [],
): Promise<TurnView> {
  const members = [ctx.member.platformUserId, ...others];
  const { book, meetings } = await readPlan(ctx, count, { members });
  return { book, meetings };
}

/** The days of the planned meetings, for the pure moves. */
export function daysOf(view: TurnView): Day[] {
  return (view.meetings ?? []).map((m) => m.scheduledDay);
}

/** The meetings the commands show and search: the next `AHEAD`. */
export function ahead(view: TurnView): readonly PlannedMeeting[] {
  return (view.meetings ?? []).slice(0, AHEAD);
}

/**
 * `userId`'s turn on `day` (any planned meeting; a heads-up's button), else their next turn among
 * the next `AHEAD` meetings, that has not begun; undefined when there is none. A meeting under way
 * keeps its host: passing or swapping it then would help nobody.
 */
export function turnOf(view: TurnView, userId: string, now: Date, day?: Day): PlannedMeeting | undefined {
  const meetings = day === undefined ? ahead(view) : (view.meetings ?? []);
  return meetings.find(
    (m) => m.host === userId && m.startsAt > now && (day === undefined || m.scheduledDay === day),
  );
}

/** A meeting's start as people say it, in the community's language and zone. */
export function whenOf(ctx: Pick<TurnContext, "t" | "community">, meeting: PlannedMeeting): string {
  return formatMeetingTime(meeting.startsAt, ctx.t.locale, ctx.community.timezone);
}

/** `/cop rotation show`, as this platform writes it. */
export function showUsage(ctx: Pick<TurnContext, "syntax">): string {
  return `${ctx.syntax.prefix} rotation show`;
}

/**
 * Whether the meeting's announcement is due (the announcement job names its host from then on):
 * a turn taken inside that window gets its heads-up at once, keyed so the job adds no second one.
 */
export function inAnnounceWindow(view: TurnView, meeting: PlannedMeeting, now: Date): boolean {
  const days = view.book.settings.announceDays;
  return meeting.startsAt.getTime() - now.getTime() <= (days + 1) * DAY_MS;
}
