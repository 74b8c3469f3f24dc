import type { ActionContext } from "../../core/actions/types.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral, type Message } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import { cardMessage } from "./card.ts";
import { REPORTS_PER_DAY, type ReportView } from "./ports.ts";
import { reasonBinding, snapshotBinding } from "./sealing.ts";

/** What is reported: one message (`message:<channel>:<ts|id>`) or what happened (`note:<uuid>`). */
export interface ReportInput {
  readonly subject: string;
  /** The reported message's author; never shown to them, never sent anything. */
  readonly reportedUser?: string;
  /** The author's name as the platform gave it, for the card (moderators only). */
  readonly reportedName?: string | null;
  /** Whether the platform says the author is a bot (guyub included); null: it cannot tell. */
  readonly reportedIsBot?: boolean | null;
  readonly messageLink?: string;
  /** The message text as it was, or what happened in the reporter's words. */
  readonly snapshot?: string;
  readonly reason?: string;
}

/** The reporter's answer and what to apply; `replyAfter` words what the database decided. */
export interface ReportOutcome {
  readonly reply: Message;
  readonly effects?: readonly Effect[];
  readonly replyAfter?: () => Promise<Message>;
}

const say = (text: string) => ephemeral({ type: "text", text });

/**
 * One report, from any entry point (`/cop report`, the Slack message shortcut, the Discord
 * message command): refused on oneself or a bot; at most 5 a day and one per member per subject
 * (both decided inside the batch: the reads here only word the refusal); the text and reason
 * sealed before the effect is returned; the triage card posted in the moderators' channel, or
 * sent by DM to every moderator (never the reported member), or, for a subject reported
 * before, its copies edited with the new count. Nobody to reach: the report is kept and the
 * reporter told so.
 */
export async function submitReport(ctx: ActionContext, input: ReportInput): Promise<ReportOutcome> {
  const { t, community } = ctx;
  const reports = ctx.store.reports;
  const reporter = ctx.member.platformUserId;
  if (input.reportedUser === reporter) return { reply: say(t("reports.self")) };
  if (input.reportedUser && input.reportedIsBot === true) return { reply: say(t("reports.bot")) };
  if (input.reportedUser && input.reportedIsBot !== false) return { reply: say(t("reports.cannotTell")) };
  if (!ctx.sealer) return { reply: say(t("reports.unavailable")) };
  const limit = () => say(t("reports.limit", { limit: String(REPORTS_PER_DAY) }));
  const day = localDay(ctx.now, community.timezone);
  const existing = await reports.bySubject(community.id, input.subject);
  if (existing?.reporters.some((r) => r.userId === reporter)) return { reply: say(t("reports.already")) };
  if ((await reports.madeOn(community.id, reporter, day)) >= REPORTS_PER_DAY) return { reply: limit() };

  const snapshot = input.snapshot
    ? await ctx.sealer.seal(input.snapshot, snapshotBinding(community.id, input.subject))
    : null;
  const reason = input.reason?.trim()
    ? await ctx.sealer.seal(input.reason.trim(), reasonBinding(community.id, input.subject, reporter))
    : null;
  const at = ctx.now.toISOString();
  const me = { userId: reporter, name: ctx.member.displayName, reason, createdAt: at };
  const closed = existing?.status === "resolved" || existing?.status === "dismissed";
  const after: ReportView = existing
    ? {
        ...existing,
        // The author's name is read from the members cache; the platform's name fills a gap.
        reportedName: existing.reportedName ?? input.reportedName ?? null,
        count: existing.count + 1,
        reporters: [...existing.reporters, me],
        ...(closed ? { status: "open", claimedBy: null, claimedName: null } : {}),
      }
    : {
        id: 0,
        subject: input.subject,
        cardKey: `report:${randomRef()}`,
        cardChannelId: null,
        reportedUser: input.reportedUser ?? null,
        reportedName: input.reportedName ?? null,
        messageLink: input.messageLink ?? null,
        snapshot,
        count: 1,
        status: "open",
        claimedBy: null,
        claimedName: null,
        note: null,
        createdAt: at,
        reporters: [me],
      };
  const message = await cardMessage(ctx, after);
  const copies = existing ? await reports.cardCopies(community.id, existing.cardKey) : [];
  const { channelId } = await reports.settings(community.id);
  // A card nobody could be sent before is sent now, if someone can be reached now.
  const drafts: OutboxDraft[] =
    copies.length > 0
      ? copies.map((editOf) => ({ kind: "edit", key: editKey(editOf, ctx.now), editOf, message }))
      : await newCard(ctx, after, channelId, message);
  const cardChannelId = existing ? existing.cardChannelId : drafts[0]?.kind === "post" ? channelId : null;
  const done = say(t(drafts.length > 0 ? "reports.done" : "reports.nobody"));
  return {
    reply: done,
    effects: [
      {
        type: "reports.submit",
        subject: input.subject,
        reporter,
        day,
        reportedUser: input.reportedUser ?? null,
        messageLink: input.messageLink ?? null,
        snapshot,
        reason,
        cardKey: after.cardKey,
        cardChannelId,
        drafts,
      },
    ],
    // The reads above are hints: a racing report may have taken the 5th place meanwhile.
    replyAfter: async () =>
      (await reports.reportedBy(community.id, input.subject, reporter)) ? done : limit(),
  };
}

/** The first card: a post in the moderators' channel, else one DM per moderator, never to the reported member. */
async function newCard(
  ctx: ActionContext,
  report: ReportView,
  channelId: string | null,
  message: Message,
): Promise<OutboxDraft[]> {
  if (channelId) return [{ kind: "post", key: report.cardKey, channelId, message }];
  const moderators = await ctx.store.reports.moderatorIds(ctx.community.id);
  return moderators
    .filter((id) => id !== report.reportedUser)
    .map((userId) => ({ kind: "dm", key: `${report.cardKey}:dm:${userId}`, userId, message }));
}

/** A fresh key per edit of one copy (the newest pending edit of a message wins). */
export function editKey(copyKey: string, now: Date): string {
  return `${copyKey}:edit:${now.getTime()}:${crypto.randomUUID().slice(0, 8)}`;
}

/** Twelve hex characters: short enough for the buttons, and no LIKE wildcard in the card key. */
function randomRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
