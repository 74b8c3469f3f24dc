import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import { addDays } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral } from "../../core/message.ts";
import { pastMeetings } from "../meetings/closing.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { Day } from "../rotation/types.ts";
import { RECENT_DAYS } from "./ports.ts";
import { ATTEND_ACTION, recordDraft } from "./record.ts";

/**
 * "I was there" on a meeting's record: the member's own attendance (`self`), once, for a meeting
 * that has started and began at most 30 days ago; the record is edited with the new count. Only a
 * member of the record's community gets here (the button names it; `handleInteraction` checks).
 */
export const attendAction = defineAction({
  id: ATTEND_ACTION,
  args: z.tuple([Day]),
  moderator: false,
  async handle(ctx, [meetingDay]) {
    const say = (text: string) => ({ reply: ephemeral({ type: "text", text }) });
    const day = formatDayName(meetingDay, ctx.t.locale);
    const zone = ctx.community.timezone;
    const calendar = await ctx.store.meetings.calendar(ctx.community.id);
    const from = new Date(ctx.now.getTime() - RECENT_DAYS * DAY_MS);
    if (!pastMeetings(calendar, zone, from, ctx.now).some((m) => m.scheduledDay === meetingDay)) {
      const today = localDay(ctx.now, zone);
      if (meetingDay >= addDays(today, -1)) return say(ctx.t("attend.notYet", { day }));
      return say(ctx.t("attend.tooLate", { day, days: String(RECENT_DAYS) }));
    }
    const userId = ctx.member.platformUserId;
    const mine = await ctx.store.memory.attendance(ctx.community.id, meetingDay, userId);
    if (mine.mine) return say(ctx.t("attend.already", { day }));
    const before = await ctx.store.memory.record(ctx.community.id, meetingDay);
    const record = await recordDraft(ctx, meetingDay, before, {
      entries: before.entries,
      attended: before.attended + 1,
    });
    return {
      reply: ephemeral({ type: "text", text: ctx.t("attend.saved", { day }) }),
      effects: [{ type: "memory.attend", meetingDay, userId, ...(record ? { record } : {}) }],
    };
  },
});
