import type { ActionContext } from "../../core/actions/types.ts";
import { DAY_MS } from "../../core/durations.ts";
import { rotationScope } from "../rotation/scope.ts";
import type { MeetingAnswer } from "./answer.ts";
import { hostOf, isClosed, pastMeetings } from "./closing.ts";
import { formatDayName } from "./holidays.ts";
import { upcomingMeetings } from "./schedule.ts";

/** How far back `/cop meeting done` looks for the last meeting waiting to be marked. */
const LOOK_BACK_MS = 14 * DAY_MS;
/** The `notes` CHECK of `rotation_ledger`. */
export const NOTES_MAX = 1000;

/**
 * Marks a meeting held: the given one (the button), or the last one that has started and is not
 * closed yet (the command). Only its host or a moderator may; it records the host's turn once
 * (`hosted`, reason `marked`, with the notes for the weekly digest). A meeting already closed (by
 * an earlier mark, by default a day later, or as skipped) is "already marked" and nothing is written.
 */
export async function markDone(
  ctx: ActionContext,
  scheduledDay: string | null,
  notes: string | null,
): Promise<MeetingAnswer> {
  const say = (text: MeetingAnswer["text"]): MeetingAnswer => ({ text, effects: [] });
  if (notes && notes.length > NOTES_MAX) return say(ctx.t("done.tooLong"));
  const calendar = await ctx.store.meetings.calendar(ctx.community.id);
  const zone = ctx.community.timezone;
  const started = pastMeetings(calendar, zone, new Date(ctx.now.getTime() - LOOK_BACK_MS), ctx.now);
  // The days this may close or look up: the meetings begun lately, and the one a button names.
  const days = [...started.map((m) => m.scheduledDay), ...(scheduledDay ? [scheduledDay] : [])];
  const book = await ctx.store.rotation.view(ctx.community.id, rotationScope(ctx.now, zone, days));
  let day = scheduledDay;
  if (day === null) {
    const open = started.filter((m) => !isClosed(book.state, m.scheduledDay));
    day = (open.at(-1) ?? started.at(-1))?.scheduledDay ?? null;
    if (day === null) return say(ctx.t("done.none"));
  } else if (!started.some((m) => m.scheduledDay === day)) {
    const series = calendar.series && { ...calendar.series, timezone: zone };
    const coming =
      series &&
      upcomingMeetings(series, calendar.overrides, calendar.holidays, ctx.now, 8).some(
        (m) => m.scheduledDay === day,
      );
    if (coming) return say(ctx.t("done.notYet", { day: formatDayName(day, ctx.t.locale) }));
    if (!isClosed(book.state, day)) return say(ctx.t("done.none"));
  }
  const dayName = formatDayName(day, ctx.t.locale);
  if (isClosed(book.state, day)) return say(ctx.t("done.already", { day: dayName }));
  const me = ctx.member.platformUserId;
  const host = hostOf(book.state, day);
  if (host !== me && (await ctx.moderatorStatus()) !== "moderator")
    return say(ctx.t.rich("done.notHost", { host: host ? { user: host } : "—" }));
  const memberId = host ?? me;
  return {
    text: ctx.t.rich("done.marked", { day: dayName, host: { user: memberId } }),
    effects: [
      {
        type: "meeting.close",
        scheduledDay: day,
        close: { kind: "hosted", memberId, reason: "marked", notes: notes || null, recordedBy: me },
      },
    ],
  };
}
