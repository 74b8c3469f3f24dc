import { defineAction, noArgs } from "../../core/actions/define.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral } from "../../core/message.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { JUST_READ_ACTION, SNOOZE_ACTION } from "./message.ts";
import { shiftDay } from "./rules.ts";

/** "Snooze a month" means this many days. */
export const SNOOZE_DAYS = 30;

/** "Snooze a month": no nudge for 30 days. Pressing it twice snoozes to the same day. */
export const nudgeSnooze = defineAction({
  id: SNOOZE_ACTION,
  args: noArgs,
  moderator: false,
  handle(ctx) {
    const until = shiftDay(localDay(ctx.now, ctx.community.timezone), SNOOZE_DAYS);
    return {
      reply: ephemeral({
        type: "text",
        text: ctx.t("nudge.snoozed", { day: formatDayName(until, ctx.t.locale) }),
      }),
      effects: [{ type: "nudge.snooze", userId: ctx.member.platformUserId, until }],
    };
  },
});

/** "I prefer to just read": never nudged again (until `/cop nudges on`), and that is fine. */
export const nudgeJustRead = defineAction({
  id: JUST_READ_ACTION,
  args: noArgs,
  moderator: false,
  handle(ctx) {
    const usage = `${ctx.syntax.prefix} nudges on`;
    const community = ctx.community.name ?? "guyub";
    return {
      reply: ephemeral({ type: "text", text: ctx.t("nudge.justReading", { community, usage }) }),
      effects: [{ type: "nudge.preference", userId: ctx.member.platformUserId, optedOut: true }],
    };
  },
});

/** The nudge buttons, for `ACTIONS` ("I'll come" is the meetings feature's RSVP button). */
export const NUDGE_ACTIONS = [nudgeSnooze, nudgeJustRead];
