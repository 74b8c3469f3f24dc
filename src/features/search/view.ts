import { memberMention } from "../../core/former-member.ts";
import type { Translator } from "../../core/i18n/index.ts";
import { formatDay } from "../../core/membership/dates.ts";
import { type Block, ephemeral, type Inline, type Message } from "../../core/message.ts";
import { BUDGET, estimate } from "../digest/fit.ts";
import { snippetPieces } from "../profile/search.ts";
import type { KnowledgeHit } from "./ports.ts";

/** "2 March 2027" / "2 Maret 2027": a meeting's scheduled day, read as a plain calendar day. */
const meetingDate = (t: Translator, day: string) => formatDay(new Date(`${day}T00:00:00Z`), t.locale, "UTC");

/** Where a hit was learned: its meeting's date and a link to the record, or "suggested". */
function where(t: Translator, hit: KnowledgeHit): Inline[] {
  if (!hit.meetingDay) return [t("search.suggested")];
  const pieces: Inline[] = [t("search.meeting", { day: meetingDate(t, hit.meetingDay) })];
  if (hit.record) {
    const label = t(hit.record.kind === "record" ? "search.record" : "search.announcement");
    pieces.push(" · ", { message: hit.record.ref, label });
  }
  return pieces;
}

/** One hit: what it is and where it was learned, then the words around the match, then its link. */
export function hitBlock(t: Translator, hit: KnowledgeHit): Block {
  const number = String(hit.number);
  const lead: Inline[] = [{ bold: t(`search.kind.${hit.kind}`, { number }) }];
  if (hit.topicTitle) lead.push(` “${hit.topicTitle}”`);
  // A mention in a private reply notifies nobody; a forgotten member is "a former member".
  if (hit.assignee) lead.push(" (", memberMention(t, hit.assignee), ")");
  const text: Inline[] = [...lead, " · ", ...where(t, hit), "\n", ...snippetPieces(hit.snippet)];
  if (hit.detail) text.push("\n", ...snippetPieces(hit.detail));
  // Member-written links stay plain text (escaped like all member text), as meeting links do.
  if (hit.url) text.push("\n", hit.url);
  return { type: "text", text };
}

/**
 * The answer to `/cop search`: the hits best first, as many as fit one message on the narrowest
 * platform (Discord's 2,000 characters: a resource's link alone may be 500), then a note saying
 * how to narrow the search when some did not fit.
 */
export function searchResults(t: Translator, words: string, hits: readonly KnowledgeHit[]): Message {
  const blocks: Block[] = [{ type: "heading", text: t("search.title", { words }) }];
  const cut = (shown: number): Block => ({
    type: "context",
    text: t("search.cut", { shown: String(shown) }),
  });
  for (const [shown, hit] of hits.entries()) {
    const block = hitBlock(t, hit);
    // The first hit is always shown; a later one only if it still fits with the closing note.
    if (shown > 0 && estimate(ephemeral(...blocks, block, cut(shown + 1))) > BUDGET)
      return ephemeral(...blocks, cut(shown));
    blocks.push(block);
  }
  return ephemeral(...blocks, { type: "context", text: t("search.note") });
}
