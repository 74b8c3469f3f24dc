import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import { ephemeral } from "../../core/message.ts";
import { openDoneResult } from "../memory/done-form.ts";
import { Day } from "../rotation/types.ts";
import { CLAIM_ACTION, RSVP_ACTION } from "./announcement.ts";
import { answerRsvp, type MeetingAnswer } from "./answer.ts";
import { claimHost } from "./claim.ts";
import { DONE_ACTION } from "./reminder.ts";
import { RsvpAnswer } from "./rsvp.ts";

const privately = (answer: MeetingAnswer) => ({
  reply: ephemeral({ type: "text", text: answer.text }),
  effects: answer.effects,
});

/** Yes / Maybe / No on an announcement (or `/cop meeting next`): answered privately. */
export const meetingRsvp = defineAction({
  id: RSVP_ACTION,
  args: z.tuple([Day, RsvpAnswer]),
  moderator: false,
  handle: async (ctx, [day, answer]) => privately(await answerRsvp(ctx, day, answer)),
});

/** "Mark as held": the host or a moderator, once the meeting has started; opens the attendance form. */
export const meetingDone = defineAction({
  id: DONE_ACTION,
  args: z.tuple([Day]),
  moderator: false,
  handle: (ctx, [day]) => openDoneResult(ctx, day),
});

/** "I'll host" on the announcement of a meeting without a host: the first press takes it. */
export const meetingClaim = defineAction({
  id: CLAIM_ACTION,
  args: z.tuple([Day]),
  moderator: false,
  handle: (ctx, [day]) => claimHost(ctx, day),
});

/** The meeting buttons, for `ACTIONS`. */
export const MEETING_ACTIONS = [meetingRsvp, meetingDone, meetingClaim];
