import { actionButton } from "../../core/actions/pack.ts";
import type { ActionContext } from "../../core/actions/types.ts";
import type { Block, Button, Inline, Message } from "../../core/message.ts";
import type { ReportView } from "./ports.ts";
import { openSealed, reasonBinding, snapshotBinding } from "./sealing.ts";

/** At most this many reasons on a card (the newest), each cut: Discord's message is 2,000 characters. */
const REASONS_SHOWN = 3;
const REASON_SHOWN_CHARS = 200;
/** The ref in `report:<ref>`: what the card's buttons carry. */
export const refOf = (cardKey: string) => cardKey.slice("report:".length);

type CardContext = Pick<ActionContext, "t" | "sealer" | "community" | "syntax">;

/**
 * The triage card moderators see: what was reported (the snapshot as it was, the link), the
 * reasons, how many reported it and who, where it stands, and the buttons. Names are plain text,
 * never mentions: the card pings nobody, and it goes only to moderators (the reported member is
 * named, never notified). The code of conduct is one command away.
 */
export async function cardMessage(ctx: CardContext, report: ReportView): Promise<Message> {
  const { t } = ctx;
  const name = (userId: string | null, known: string | null) =>
    userId?.startsWith("former:") ? t("reports.card.former") : (known ?? t("reports.card.someone"));
  const snapshot = await openSealed(ctx, report.snapshot, snapshotBinding(ctx.community.id, report.subject));
  const reasons = await Promise.all(
    report.reporters
      .filter((r) => r.reason !== null)
      .slice(-REASONS_SHOWN)
      .map(async (r) => {
        const text =
          (await openSealed(ctx, r.reason, reasonBinding(ctx.community.id, report.subject, r.userId))) ?? "";
        return `“${cut(text, REASON_SHOWN_CHARS)}” (${name(r.userId, r.name)})`;
      }),
  );
  const blocks: Block[] = [{ type: "heading", text: t("reports.card.title") }];
  if (report.reportedUser)
    blocks.push({
      type: "text",
      text: t("reports.card.messageBy", { name: name(report.reportedUser, report.reportedName) }),
    });
  blocks.push({ type: "text", text: snapshot ?? t("reports.card.erased") });
  if (report.messageLink) blocks.push({ type: "context", text: report.messageLink });
  blocks.push({
    type: "fields",
    fields: [
      {
        label: t("reports.card.status"),
        value: statusText(ctx, report, name(report.claimedBy, report.claimedName)),
      },
      { label: t("reports.card.count"), value: String(report.count) },
      {
        label: t("reports.card.reporters"),
        value: report.reporters.map((r) => name(r.userId, r.name)).join(", "),
      },
    ],
  });
  if (reasons.length > 0)
    blocks.push({ type: "text", text: [t("reports.card.reasons"), "\n", reasons.join("\n")] });
  if (report.note && report.status === "resolved")
    blocks.push({ type: "context", text: t("reports.card.note", { note: report.note }) });
  blocks.push({
    type: "context",
    text: t("reports.card.conduct", { usage: `${ctx.syntax.prefix} conduct` }),
  });
  const buttons = cardButtons(ctx, report);
  if (buttons.length > 0) blocks.push({ type: "actions", buttons });
  return { visibility: "public", blocks };
}

function statusText(ctx: CardContext, report: ReportView, by: string): Inline[] | string {
  if (report.status === "open") return ctx.t("reports.status.open");
  return [ctx.t(`reports.status.${report.status}`, { name: by })];
}

function cardButtons(ctx: CardContext, report: ReportView): Button[] {
  const ref = [refOf(report.cardKey)];
  const { t, community } = ctx;
  if (report.status === "resolved" || report.status === "dismissed") return [];
  return [
    ...(report.status === "open"
      ? [actionButton(community, "report.claim", t("reports.button.claim"), ref, "primary")]
      : []),
    actionButton(community, "report.resolve", t("reports.button.resolve"), ref),
    actionButton(community, "report.dismiss", t("reports.button.dismiss"), ref, "danger"),
  ];
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
