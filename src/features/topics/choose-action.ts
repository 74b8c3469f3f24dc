import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import type { ActionContext, ActionResult } from "../../core/actions/types.ts";
import { ephemeral } from "../../core/message.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import { readPlan } from "../meetings/plan-read.ts";
import { Day } from "../rotation/types.ts";
import { CHOOSE_ACTION } from "./refresh.ts";

/** How far ahead a pressed button's meeting is looked for (a meeting months away is not offered). */
const LOOK_AHEAD = 12;

/**
 * The host's choice among the offered topics. Only the meeting's current host (after a pass or a
 * swap, the new one) may choose, only one of the offered candidates, and only until the
 * announcement goes out; afterwards the topic stands.
 */
export const topicChoose = defineAction({
  id: CHOOSE_ACTION,
  args: z.tuple([Day, z.string().regex(/^\d{1,15}$/)]),
  moderator: false,
  async handle(ctx, [day, id]): Promise<ActionResult> {
    const say = (text: string): ActionResult => ({ reply: ephemeral({ type: "text", text }) });
    const topicId = Number(id);
    const existing = await ctx.store.topicRefresh.meetingTopic(ctx.community.id, day);
    const candidate = existing?.candidates.find((c) => c.id === topicId);
    if (!existing || !candidate) return say(ctx.t("topicRefresh.gone"));
    const meeting = await upcoming(ctx, day);
    if (!meeting || (await ctx.store.meetings.announced(ctx.community.id, day)))
      return say(ctx.t("topicRefresh.tooLate", { title: existing.title }));
    if (meeting.host !== ctx.member.platformUserId) return say(ctx.t("topicRefresh.notHost"));
    const when = formatMeetingTime(meeting.startsAt, ctx.t.locale, ctx.community.timezone);
    const text = ctx.t("topicRefresh.chosen", { when, title: candidate.title });
    return {
      update: { visibility: "public", blocks: [{ type: "text", text }] },
      effects: [{ type: "topic.hostChoose", meetingDay: day, topicId, userId: ctx.member.platformUserId }],
    };
  },
});

/** The meeting scheduled on `day`, if it is still ahead, with its current host. */
async function upcoming(ctx: ActionContext, day: string) {
  const { meetings } = await readPlan(ctx, LOOK_AHEAD);
  return meetings?.find((m) => m.scheduledDay === day && m.startsAt > ctx.now) ?? null;
}

/** The refresh's buttons, for `ACTIONS`. */
export const TOPIC_REFRESH_ACTIONS = [topicChoose];
