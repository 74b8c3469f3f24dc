import { formId } from "../../core/actions/pack.ts";
import type { ActionContext, ActionResult, FormDefinition, FormValues } from "../../core/actions/types.ts";
import { ephemeral, type Form, type Message } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import type { MeetingAnswer } from "../meetings/answer.ts";
import { markDone, NOTES_MAX } from "../meetings/done.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { Day } from "../rotation/types.ts";
import { ATTENDANCE_MAX } from "./attendance-ports.ts";
import { type RecordContext, recordDraft } from "./record.ts";

/** The form of `/cop meeting done` and of the reminder's "Mark as held" button. */
export const DONE_FORM = "meeting.held";
/** A platform user id, as the people picker returns it (Slack U…/W…, Discord snowflakes). */
const USER_ID = /^[A-Za-z0-9]{1,32}$/;

/**
 * The people the host confirms, as effects of the batch that marks the meeting held, and the
 * meeting's record drawn with the new count: the confirmed people and those who pressed "I was
 * there" themselves (their `self` rows stay). The record's draft is guarded on that count, so it
 * is written only if the confirmation is (a second submission that lost changes nothing).
 */
export async function attendanceEffects(
  ctx: RecordContext & Pick<ActionContext, "member">,
  meetingDay: string,
  userIds: readonly string[],
): Promise<Effect[]> {
  const confirm: Effect = {
    type: "attendance.confirm",
    meetingDay,
    userIds,
    recordedBy: ctx.member.platformUserId,
  };
  const [before, self] = await Promise.all([
    ctx.store.memory.record(ctx.community.id, meetingDay),
    ctx.store.memory.selfAttendees(ctx.community.id, meetingDay),
  ]);
  const attended = new Set([...self, ...userIds]).size;
  const record = await recordDraft(ctx, meetingDay, before, { entries: before.entries, attended });
  return record ? [confirm, { type: "memory.refresh", record }] : [confirm];
}

/**
 * What `/cop meeting done [notes]` and the "Mark as held" button answer: the same refusals as
 * before (not started, already marked, not the host), else the form, pre-filled with the RSVPs
 * and the notes given (asked as a conversation where the platform draws no dialogs).
 */
export async function openDone(
  ctx: ActionContext,
  scheduledDay: string | null,
  notes: string | null,
): Promise<{ readonly form: Form; readonly day: string } | { readonly answer: MeetingAnswer }> {
  const check = await markDone(ctx, scheduledDay, notes);
  const close = check.effects.find((e) => e.type === "meeting.close");
  if (!close) return { answer: check };
  const day = close.scheduledDay;
  return { day, form: await doneForm.build(ctx, notes ? { notes } : null, [day]) };
}

/** The form opened by a button (the reminder's "Mark as held"), or the refusal, privately. */
export async function openDoneResult(ctx: ActionContext, scheduledDay: string): Promise<ActionResult> {
  const opened = await openDone(ctx, scheduledDay, null);
  if ("form" in opened) return { form: opened.form };
  return { reply: say(opened.answer.text), effects: opened.answer.effects };
}

const say = (text: MeetingAnswer["text"]): Message => ephemeral({ type: "text", text });
const text = (values: FormValues | null, id: string) => {
  const value = values?.[id];
  return typeof value === "string" ? value : "";
};

/**
 * Who attended (a people picker, pre-filled from the "yes" answers, 25 at most as Discord's select
 * holds) and the notes. Submitting marks the meeting held with the notes and writes the `host`
 * attendance rows in the same batch; the ingress key makes a platform's retry apply it once.
 */
export const doneForm: FormDefinition = {
  id: DONE_FORM,
  moderator: false,
  async build(ctx, initial, args) {
    const day = Day.parse(args[0]);
    const yes = await ctx.store.attendance.rsvpYes(ctx.community.id, day);
    const kept = initial?.attended;
    const chosen = Array.isArray(kept) ? kept : yes;
    return {
      id: formId(ctx.community, DONE_FORM, [day]),
      title: ctx.t("doneForm.title"),
      submitLabel: ctx.t("doneForm.submit"),
      fields: [
        {
          kind: "users",
          id: "attended",
          label: ctx.t("doneForm.attended"),
          max: ATTENDANCE_MAX,
          initial: chosen.slice(0, ATTENDANCE_MAX),
          hint:
            yes.length > ATTENDANCE_MAX
              ? ctx.t("doneForm.many", { count: String(yes.length) })
              : ctx.t("doneForm.hint"),
        },
        {
          kind: "text",
          id: "notes",
          label: ctx.t("doneForm.notes"),
          multiline: true,
          maxLength: NOTES_MAX,
          initial: text(initial, "notes"),
        },
      ],
    };
  },
  async submit(ctx, values, args) {
    const day = Day.safeParse(args[0]);
    if (!day.success) return { reply: say(ctx.t("error.unknown_action")) };
    const notes = text(values, "notes").trim();
    if (notes.length > NOTES_MAX) return { errors: { notes: ctx.t("doneForm.notesTooLong") } };
    const picked = values.attended;
    const people = [...new Set(Array.isArray(picked) ? picked : [])];
    if (people.length > ATTENDANCE_MAX || !people.every((id) => USER_ID.test(id)))
      return { errors: { attended: ctx.t("doneForm.tooMany") } };
    const members = await ctx.store.attendance.members(ctx.community.id, people);
    if (members.length < people.length) {
      const count = String(people.length - members.length);
      return { errors: { attended: ctx.t("doneForm.notMembers", { count }) } };
    }
    const answer = await markDone(ctx, day.data, notes || null);
    if (!answer.effects.some((e) => e.type === "meeting.close")) return { reply: say(answer.text) };
    return {
      reply: ephemeral(
        { type: "text", text: answer.text },
        { type: "context", text: ctx.t("doneForm.recorded", { count: String(members.length) }) },
      ),
      effects: [...answer.effects, ...(await attendanceEffects(ctx, day.data, members))],
    };
  },
};

/** The day's name for the message shown beside the form. */
export const doneDayName = (ctx: ActionContext, day: string) => formatDayName(day, ctx.t.locale);
