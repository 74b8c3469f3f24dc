import type { ActionContext } from "../../core/actions/types.ts";
import { addDays } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";
import { pastMeetings } from "../meetings/closing.ts";
import { formatDayName } from "../meetings/holidays.ts";
import type { Meeting } from "../meetings/schedule.ts";
import { RECENT_DAYS } from "./ports.ts";

/** The meeting an entry goes to, or the answer that says why none. */
export type MeetingTarget = { readonly meeting: Meeting } | { readonly refusal: string };

/**
 * The latest meeting held or running (started, not cancelled, not on a holiday), or the one of
 * `date` (its scheduled day, or the day it was moved to) when it started in the last 30 days.
 * Every other case is a clear answer: none held yet, not yet, too long ago, no meeting that day.
 */
export async function targetMeeting(ctx: ActionContext, date: string | null): Promise<MeetingTarget> {
  const calendar = await ctx.store.meetings.calendar(ctx.community.id);
  const zone = ctx.community.timezone;
  const recent = pastMeetings(calendar, zone, new Date(ctx.now.getTime() - RECENT_DAYS * DAY_MS), ctx.now);
  if (date === null) {
    const latest = recent.at(-1);
    return latest ? { meeting: latest } : { refusal: ctx.t("memory.noneHeld") };
  }
  const meeting = recent.find((m) => m.scheduledDay === date || m.localDay === date);
  if (meeting) return { meeting };
  const day = formatDayName(date, ctx.t.locale);
  const today = localDay(ctx.now, zone);
  if (date >= today) return { refusal: ctx.t("memory.notYet", { day }) };
  if (date < addDays(today, -RECENT_DAYS))
    return { refusal: ctx.t("memory.tooOld", { day, days: String(RECENT_DAYS) }) };
  return { refusal: ctx.t("memory.noMeeting", { day }) };
}
