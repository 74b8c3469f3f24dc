import { actionButton } from "../../core/actions/pack.ts";
import { isFormerMember, memberMention } from "../../core/former-member.ts";
import { en } from "../../core/i18n/en.ts";
import type { PlainKey, Translator } from "../../core/i18n/index.ts";
import { localClock } from "../../core/local-time.ts";
import { type Block, ephemeral, type Inline, type Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { type HistoryEntry, NOTE_MAX, PAGE_SIZE } from "./ports.ts";
import { reportLine } from "./report-line.ts";

/** An argument's value is cut here in a line, so a page stays within one Discord message. */
const ARG_MAX = 60;

/** Actions that are no command's name: each has its own line. */
const OWN_LINES: Readonly<Record<string, PlainKey>> = {
  "audit note": "audit.line.note",
  "delivery lost": "audit.line.deliveryLost",
};

/**
 * What an action was, in the reader's language: its own line, else the summary of the command it
 * names (`moderators add` → `cmd.moderators.add`, the key every command's summary has), else the
 * action's name as stored (a command since removed).
 */
export function actionText(t: Translator, action: string): string {
  const own = OWN_LINES[action];
  if (own) return t(own);
  const key = `cmd.${action.replaceAll(" ", ".")}`;
  return key in en ? t(key as PlainKey) : action;
}

/** A page of history, newest first; `rows` holds up to PAGE_SIZE + 1 (the extra: a next page exists). */
export function historyPage(
  t: Translator,
  community: Community,
  rows: readonly HistoryEntry[],
  page: { readonly offset: number; readonly about?: string },
): Message {
  const blocks: Block[] = [
    page.about === undefined
      ? { type: "heading", text: t("audit.title") }
      : { type: "text", text: t.rich("audit.titleAbout", { member: { user: page.about } }) },
  ];
  if (rows.length === 0)
    blocks.push({ type: "text", text: t(page.offset === 0 ? "audit.empty" : "audit.noMore") });
  for (const row of rows.slice(0, PAGE_SIZE)) blocks.push({ type: "text", text: line(t, community, row) });
  if (rows.length > PAGE_SIZE) {
    const next = String(page.offset + PAGE_SIZE);
    const args = page.about === undefined ? [next] : [next, page.about];
    blocks.push({ type: "actions", buttons: [actionButton(community, "audit.more", t("audit.more"), args)] });
  }
  return ephemeral(...blocks);
}

/** `2027-03-02 09:15 · @budi · Add a moderator · member: @ayu` (local time of the community). */
function line(t: Translator, community: Community, row: HistoryEntry): Inline[] {
  const at = new Date(row.at);
  const { day, minutes } = localClock(at, community.timezone);
  // Indonesian writes times with a period (19.00), English with a colon.
  const sep = t.locale === "id" ? "." : ":";
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}${sep}${String(minutes % 60).padStart(2, "0")}`;
  if (row.source === "reports") return [`${day} ${clock} · `, ...reportLine(t, row)];
  const who: Inline = row.actor ? memberMention(t, row.actor) : t("audit.platform");
  const pieces: Inline[] = [`${day} ${clock} · `, who, " · ", { bold: actionText(t, row.action) }];
  const args = row.detail.args;
  if (args && typeof args === "object") {
    for (const [name, value] of Object.entries(args as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      pieces.push(` · ${name}: `, ...argValue(t, name, value));
    }
  }
  return pieces;
}

/**
 * A member argument as a mention (an ephemeral line notifies nobody); other values as plain text,
 * which renderers escape (a note's `@here` or `<!channel>` stays text). A note shows whole.
 */
function argValue(t: Translator, name: string, value: unknown): Inline[] {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (name === "member" && /^[A-Za-z0-9]{1,32}$/.test(text)) return [{ user: text }];
  if (name === "member" && isFormerMember(text)) return [memberMention(t, text)];
  const max = name === "text" ? NOTE_MAX : ARG_MAX;
  return [[...text].length > max ? `${[...text].slice(0, max).join("")}…` : text];
}
