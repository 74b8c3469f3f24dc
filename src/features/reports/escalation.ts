import { translator } from "../../core/i18n/index.ts";
import type { Block, Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { formatWhen } from "../../core/setup/checklist.ts";

/** How long a report may stay open and unclaimed before every moderator hears of it. */
export const ESCALATE_AFTER_MS = 24 * 60 * 60 * 1000;

/** What the escalation DM may say of a report: never what was reported, why, or by whom. */
export interface EscalationFacts {
  readonly count: number;
  readonly createdAt: Date;
  /** Where the triage card went; null: it went to the moderators by DM. */
  readonly cardChannelId: string | null;
  /** The reported message's link; null for `/cop report <what happened>`. */
  readonly messageLink: string | null;
}

/**
 * The private message every moderator gets once a report has waited 24 hours unclaimed, in the
 * community's language: when it was made, how many reported it, where its card is, the
 * message's link. It mentions nobody but a channel, and quotes nothing of the report.
 */
export function escalationMessage(
  community: Pick<Community, "locale" | "timezone">,
  facts: EscalationFacts,
): Message {
  const t = translator(community.locale);
  const when = formatWhen(facts.createdAt, community.locale, community.timezone);
  const blocks: Block[] = [
    { type: "heading", text: t("reportEscalation.title") },
    { type: "text", text: t("reportEscalation.body", { when, count: String(facts.count) }) },
    {
      type: "text",
      text: facts.cardChannelId
        ? t.rich("reportEscalation.card", { channel: { channel: facts.cardChannelId } })
        : t("reportEscalation.cardDm"),
    },
  ];
  if (facts.messageLink)
    blocks.push({ type: "text", text: t("reportEscalation.link", { link: facts.messageLink }) });
  blocks.push({ type: "context", text: t("reportEscalation.why") });
  return { blocks, visibility: "public" };
}
