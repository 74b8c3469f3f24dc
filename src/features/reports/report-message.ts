import type { MessageAction } from "../../core/actions/message-types.ts";
import { formId } from "../../core/actions/pack.ts";
import type { ActionContext, FormDefinition } from "../../core/actions/types.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral } from "../../core/message.ts";
import { REPORT_REASON_MAX, REPORT_TEXT_MAX, REPORTS_PER_DAY } from "./ports.ts";
import { submitReport } from "./submit.ts";

/**
 * The reason form. Only the message id rides in it (with a reopen button's prefix, two ids would
 * not fit 64 bytes); the channel is in the draft, whose subject must end with that id.
 */
export const REASON_FORM = "report.why";
const say = (text: string) => ephemeral({ type: "text", text });
const subjectOf = (channelId: string, messageId: string) => `message:${channelId}:${messageId}`;
/** Where the message waits, sealed, between the shortcut and the form's submission (a form draft). */
const draftBinding = (communityId: number, subject: string, userId: string) =>
  `reports:${communityId}:${subject}:draft:${userId}`;

/**
 * "Report to moderators" on a message (Slack message shortcut `report_message`, Discord message
 * command): refused on oneself, a bot or guyub, a message already reported by this member, or
 * past the day's limit; else the message as it is now is sealed into the member's form draft (a
 * later edit or deletion does not change what moderators see) and the short reason form opens.
 */
export const reportMessage: MessageAction = {
  id: "report.message",
  async handle(ctx, target) {
    const me = ctx.member.platformUserId;
    const { community, t } = ctx;
    if (target.authorId === me) return { reply: say(t("reports.self")) };
    if (target.authorId === null || target.authorIsBot === true) return { reply: say(t("reports.bot")) };
    if (target.authorIsBot === null) return { reply: say(t("reports.cannotTell")) };
    if (!ctx.sealer) return { reply: say(t("reports.unavailable")) };
    const subject = subjectOf(target.channelId, target.messageId);
    const existing = await ctx.store.reports.bySubject(community.id, subject);
    if (existing?.reporters.some((r) => r.userId === me)) return { reply: say(t("reports.already")) };
    const day = localDay(ctx.now, community.timezone);
    if ((await ctx.store.reports.madeOn(community.id, me, day)) >= REPORTS_PER_DAY)
      return { reply: say(t("reports.limit", { limit: String(REPORTS_PER_DAY) })) };
    const text = target.text.slice(0, REPORT_TEXT_MAX) || t("reports.noText");
    const values = {
      subject,
      snapshot: await ctx.sealer.seal(text, draftBinding(community.id, subject, me)),
      author: target.authorId,
      name: target.authorName ?? "",
      link: target.link ?? "",
    };
    return {
      effects: [{ type: "form.saveDraft", userId: me, formId: REASON_FORM, values }],
      form: await reasonForm.build(ctx, null, [target.messageId]),
    };
  },
};

/** The optional reason (≤ 300); submitting sends the report through `submitReport`. */
export const reasonForm: FormDefinition = {
  id: REASON_FORM,
  moderator: false,
  build(ctx, _initial, args) {
    return {
      id: formId(ctx.community, REASON_FORM, args),
      title: ctx.t("reports.reasonForm.title"),
      submitLabel: ctx.t("reports.reasonForm.submit"),
      fields: [
        {
          kind: "text",
          id: "reason",
          label: ctx.t("reports.reasonForm.reason"),
          multiline: true,
          required: false,
          maxLength: REPORT_REASON_MAX,
          placeholder: ctx.t("reports.reasonForm.placeholder"),
        },
      ],
    };
  },
  async submit(ctx, values, args) {
    const [messageId = ""] = args;
    const draft = await ctx.store.readFormDraft(ctx.community.id, ctx.member.platformUserId, REASON_FORM);
    const subject = typeof draft?.subject === "string" ? draft.subject : "";
    // The draft is the member's latest report form: another message reported since replaced it.
    if (
      !draft ||
      !subject.startsWith("message:") ||
      !subject.endsWith(`:${messageId}`) ||
      typeof draft.snapshot !== "string"
    )
      return { reply: say(ctx.t("reports.startAgain")) };
    const reason = typeof values.reason === "string" ? values.reason.trim() : "";
    // Field errors would overwrite the draft (the message) with the answers: refuse instead.
    if (reason.length > REPORT_REASON_MAX)
      return { reply: say(ctx.t("reports.reasonTooLong", { max: String(REPORT_REASON_MAX) })) };
    const snapshot = await openDraft(ctx, draft.snapshot, subject);
    if (snapshot === null) return { reply: say(ctx.t("reports.startAgain")) };
    const text = (key: string) => (typeof draft[key] === "string" ? (draft[key] as string) : "");
    const outcome = await submitReport(ctx, {
      subject,
      reportedUser: text("author"),
      // Checked when the shortcut was used; the draft holds only messages by people.
      reportedIsBot: false,
      reportedName: text("name") || null,
      ...(text("link") ? { messageLink: text("link") } : {}),
      snapshot,
      ...(reason ? { reason } : {}),
    });
    return { reply: outcome.reply, effects: outcome.effects, replyAfter: outcome.replyAfter };
  },
};

async function openDraft(ctx: ActionContext, envelope: string, subject: string): Promise<string | null> {
  try {
    if (!ctx.sealer) return null;
    return await ctx.sealer.open(
      envelope,
      draftBinding(ctx.community.id, subject, ctx.member.platformUserId),
    );
  } catch {
    return null;
  }
}
