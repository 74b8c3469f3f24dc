import type { ActionContext } from "../../core/actions/types.ts";
import type { Inline } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import { announcementUpdate, meetingWhen } from "./announcement.ts";
import { moveAnswer, type RsvpAnswer } from "./rsvp.ts";
import { type Meeting, upcomingMeetings } from "./schedule.ts";

/** What a meeting action answers privately, and the state changes it asks for. */
export interface MeetingAnswer {
  readonly text: string | Inline[];
  readonly effects: readonly Effect[];
}

/** The coming meetings not yet started at `ctx.now` (the ones members may still answer for). */
export async function openMeetings(ctx: ActionContext, count: number): Promise<Meeting[]> {
  const calendar = await ctx.store.meetings.calendar(ctx.community.id);
  if (!calendar.series) return [];
  const series = { ...calendar.series, timezone: ctx.community.timezone };
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, ctx.now, count).filter(
    (m) => m.startsAt > ctx.now,
  );
}

/**
 * A member answers "are you coming?" for one meeting (by its scheduled day): one row per member
 * and meeting, a new answer replacing the old one, so a second press counts once and a change
 * moves the count. The announcement, if posted, is edited in place with the new counts. The same
 * answer again, or a meeting that has started, writes nothing.
 */
export async function answerRsvp(
  ctx: ActionContext,
  scheduledDay: string,
  answer: RsvpAnswer,
): Promise<MeetingAnswer> {
  const meeting = (await openMeetings(ctx, 8)).find((m) => m.scheduledDay === scheduledDay);
  if (!meeting) return { text: ctx.t("rsvp.closed"), effects: [] };
  const userId = ctx.member.platformUserId;
  const { counts, mine } = await ctx.store.meetings.rsvps(ctx.community.id, scheduledDay, userId);
  const when = meetingWhen(ctx.community, ctx.t, meeting);
  const said = ctx.t(`rsvp.answer.${answer}`);
  if (mine === answer) return { text: ctx.t("rsvp.unchanged", { when, answer: said }), effects: [] };
  const effects: Effect[] = [
    { type: "meeting.rsvp", scheduledDay, userId, answer },
    ...(await announcementUpdate(ctx, scheduledDay, { counts: moveAnswer(counts, mine, answer) })),
  ];
  return { text: ctx.t("rsvp.saved", { when, answer: said }), effects };
}
