import { defineCommand } from "../../../core/commands/define.ts";
import { option, optional } from "../../../core/commands/options.ts";
import { localized } from "../../../core/commands/syntax.ts";
import type { CommandResult } from "../../../core/commands/types.ts";
import { ephemeral } from "../../../core/message.ts";
import { doneDayName, openDone } from "../../memory/done-form.ts";
import { answerRsvp, openMeetings } from "../answer.ts";
import { RSVP_ANSWERS } from "../rsvp.ts";

const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/** `/cop meeting rsvp yes|no|maybe` (`hadir`, `ya`, `mungkin`, `tidak`): the answer for the next meeting. */
export const meetingRsvp = defineCommand({
  path: ["meeting", "rsvp"],
  summary: "cmd.meeting.rsvp",
  options: {
    answer: option.choice(RSVP_ANSWERS, "arg.rsvpAnswer", "arg.rsvpAnswer.help", {
      yes: { id: ["hadir", "ya"] },
      maybe: { id: ["mungkin"] },
      no: { id: ["tidak"] },
    }),
  },
  moderator: false,
  example: { answer: "yes" },
  async handle(ctx, args) {
    const [next] = await openMeetings(ctx, 1);
    if (!next) return say(ctx.t("meeting.noneAhead"));
    const answer = await answerRsvp(ctx, next.scheduledDay, args.answer);
    return { message: ephemeral({ type: "text", text: answer.text }), effects: answer.effects };
  },
});

/**
 * `/cop meeting done [notes]`: the host (or a moderator) marks the last meeting held, in a form
 * that confirms who attended (src/features/memory/done-form.ts); the notes given pre-fill it.
 */
export const meetingDone = defineCommand({
  path: ["meeting", "done"],
  summary: "cmd.meeting.done",
  // Longer than the ledger allows, so the handler can say so in words rather than refuse the syntax.
  options: { notes: optional(option.text("arg.doneNotes", "arg.doneNotes.help", 4000)) },
  moderator: false,
  example: { notes: localized("example.doneNotes") },
  async handle(ctx, args) {
    const opened = await openDone(ctx, null, args.notes ?? null);
    if ("answer" in opened)
      return {
        message: ephemeral({ type: "text", text: opened.answer.text }),
        effects: opened.answer.effects,
      };
    const day = doneDayName(ctx, opened.day);
    return {
      message: ephemeral({ type: "text", text: ctx.t("doneForm.opened", { day }) }),
      form: opened.form,
    };
  },
});

/** `/copmod meeting announce <days>`: how many days before a meeting it is announced (0–14). */
export const meetingAnnounce = defineCommand({
  path: ["meeting", "announce"],
  summary: "cmd.meeting.announce",
  options: { days: option.text("arg.announceDays", "arg.announceDays.help", 8) },
  moderator: true,
  example: { days: "3" },
  handle(ctx, args) {
    const days = /^\d{1,2}$/.test(args.days) ? Number(args.days) : Number.NaN;
    if (!(days >= 0 && days <= 14)) return say(ctx.t("announceDays.bad", { value: args.days }));
    return {
      ...say(
        days === 0
          ? ctx.t("announceDays.today")
          : days === 1
            ? ctx.t("announceDays.one")
            : ctx.t("announceDays.set", { days: String(days) }),
      ),
      effects: [{ type: "meeting.settings", announceDays: days }],
    };
  },
});

const REMINDER_MODES = ["on", "off", "24h", "1h"] as const;

/** `/copmod meeting reminders on|off|24h|1h`: which reminders go out before each meeting. */
export const meetingReminders = defineCommand({
  path: ["meeting", "reminders"],
  summary: "cmd.meeting.reminders",
  options: {
    reminders: option.choice(REMINDER_MODES, "arg.reminderMode", "arg.reminderMode.help", {
      on: { id: ["aktif"] },
      off: { id: ["nonaktif"] },
    }),
  },
  moderator: true,
  example: { reminders: "on" },
  handle(ctx, { reminders: mode }) {
    const remindDay = mode === "on" || mode === "24h";
    const remindHour = mode === "on" || mode === "1h";
    return {
      ...say(ctx.t(`reminders.${mode}`)),
      effects: [{ type: "meeting.settings", remindDay, remindHour }],
    };
  },
});
