import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import { formId } from "../../core/actions/pack.ts";
import type { ActionContext, ActionResult, FormDefinition } from "../../core/actions/types.ts";
import { ephemeral, type Message } from "../../core/message.ts";
import { cardMessage } from "./card.ts";
import { REPORT_REASON_MAX, type ReportStatus, type ReportView } from "./ports.ts";
import { editKey } from "./submit.ts";

/** The ref a card's buttons carry (`report:<ref>`, twelve hex characters). */
const Ref = z.string().regex(/^[0-9a-f]{12}$/);
const refArgs = z.tuple([Ref]);
const NOTE_FORM = "report.note";
const say = (text: string) => ephemeral({ type: "text", text });

/** Claim: the moderator handling it is named on the card. Only an open report can be claimed. */
export const claimButton = defineAction({
  id: "report.claim",
  args: refArgs,
  moderator: true,
  handle: (ctx, [ref]) => change(ctx, ref, ["open"], "claimed", null),
});

/** Dismiss: nothing to do. The reporters are told, privately, that it was looked at. */
export const dismissButton = defineAction({
  id: "report.dismiss",
  args: refArgs,
  moderator: true,
  handle: (ctx, [ref]) => change(ctx, ref, ["open", "claimed"], "dismissed", null),
});

/** Resolve: opens the short note form first (the note stays with moderators). */
export const resolveButton = defineAction({
  id: "report.resolve",
  args: refArgs,
  moderator: true,
  async handle(ctx, [ref]) {
    const report = await ctx.store.reports.byRef(ctx.community.id, ref);
    if (!report) return { reply: say(ctx.t("reports.gone")) };
    if (isClosed(report.status)) return { reply: handled(ctx, report) };
    return { form: await noteForm.build(ctx, null, [ref]) };
  },
});

/** The note a resolve needs (at most 300 characters, the migration's CHECK). */
export const noteForm: FormDefinition = {
  id: NOTE_FORM,
  moderator: true,
  build(ctx, initial, args) {
    const note = initial?.note;
    return {
      id: formId(ctx.community, NOTE_FORM, [Ref.parse(args[0])]),
      title: ctx.t("reports.noteForm.title"),
      submitLabel: ctx.t("reports.noteForm.submit"),
      fields: [
        {
          kind: "text",
          id: "note",
          label: ctx.t("reports.noteForm.note"),
          multiline: true,
          required: true,
          maxLength: REPORT_REASON_MAX,
          ...(typeof note === "string" ? { initial: note } : {}),
        },
      ],
    };
  },
  async submit(ctx, values, args) {
    const ref = Ref.safeParse(args[0]);
    const note = typeof values.note === "string" ? values.note.trim() : "";
    if (!ref.success) return { reply: say(ctx.t("reports.gone")) };
    if (note.length === 0 || note.length > REPORT_REASON_MAX)
      return { errors: { note: ctx.t("reports.noteForm.length", { max: String(REPORT_REASON_MAX) }) } };
    return change(ctx, ref.data, ["open", "claimed"], "resolved", note);
  },
};

export const REPORT_ACTIONS = [claimButton, resolveButton, dismissButton];
export const REPORT_FORMS = [noteForm];

const isClosed = (status: ReportStatus) => status === "resolved" || status === "dismissed";

/**
 * A status change from `from` to `to`: the card's copies edited and, on closing, each reporter
 * told privately (without the note), all only if this press is the one that changed it.
 */
async function change(
  ctx: ActionContext,
  ref: string,
  from: readonly ReportStatus[],
  to: ReportStatus,
  note: string | null,
): Promise<ActionResult> {
  const reports = ctx.store.reports;
  const report = await reports.byRef(ctx.community.id, ref);
  if (!report) return { reply: say(ctx.t("reports.gone")) };
  if (!from.includes(report.status)) return { reply: handled(ctx, report) };
  const me = ctx.member.platformUserId;
  const after: ReportView = {
    ...report,
    status: to,
    claimedBy: me,
    claimedName: ctx.member.displayName,
    note: isClosed(to) ? note : report.note,
  };
  const message = await cardMessage(ctx, after);
  const copies = await reports.cardCopies(ctx.community.id, report.cardKey);
  const notice = reporterNotice(ctx, to);
  const notices = isClosed(to)
    ? report.reporters
        .filter((r) => !r.userId.startsWith("former:"))
        .map((r) => ({
          kind: "dm" as const,
          key: `${report.cardKey}:closed:${ctx.now.getTime()}:${r.userId}`,
          userId: r.userId,
          message: notice(r.createdAt.slice(0, 10)),
        }))
    : [];
  const done = say(
    ctx.t(
      `reports.${to === "claimed" ? "claimedDone" : to === "resolved" ? "resolvedDone" : "dismissedDone"}`,
    ),
  );
  return {
    effects: [
      {
        type: "reports.status",
        reportId: report.id,
        from,
        to,
        moderator: me,
        note,
        drafts: [
          ...copies.map((editOf) => ({
            kind: "edit" as const,
            key: editKey(editOf, ctx.now),
            editOf,
            message,
          })),
          ...notices,
        ],
      },
    ],
    // Another moderator's press may have won meanwhile: say what happened, not what was asked.
    replyAfter: async () => {
      const now = await reports.byRef(ctx.community.id, ref);
      return now && now.status === to && now.claimedBy === me ? done : handled(ctx, now ?? report);
    },
  };
}

function handled(ctx: ActionContext, report: ReportView): Message {
  const name = report.claimedName ?? ctx.t("reports.card.someone");
  return say(ctx.t("reports.alreadyHandled", { status: statusWord(ctx, report.status), name }));
}

function statusWord(ctx: ActionContext, status: ReportStatus): string {
  return ctx.t(`reports.word.${status}`);
}

/** What a reporter is told on closing: that it was looked at, never the note or who. */
function reporterNotice(ctx: ActionContext, to: ReportStatus) {
  return (day: string) =>
    ephemeral({
      type: "text",
      text: ctx.t(to === "resolved" ? "reports.notice.resolved" : "reports.notice.dismissed", { day }),
    });
}
