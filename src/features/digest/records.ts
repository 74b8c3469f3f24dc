import { shortDay } from "../../core/digest/dates.ts";
import { andMore } from "../../core/digest/section.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Inline } from "../../core/message.ts";
import { shorten } from "../topics/fold.ts";
import type { Caps } from "./fit.ts";

/** One note, resource or action of a meeting's record (`meeting_entries`). */
export interface HeldEntry {
  readonly number: number;
  readonly kind: "note" | "resource" | "action";
  readonly body: string;
  readonly url: string | null;
  readonly assignee: string | null;
}

/** A meeting held this week, with its record (issue 24). */
export interface HeldRecord {
  readonly day: string;
  readonly host: string | null;
  /** The host's notes of `/cop meeting done`. */
  readonly notes: string | null;
  readonly topic: string | null;
  /** Attendance rows (confirmed by the host or "I was there"). */
  readonly attended: number;
  /** "Yes" answers, shown when nobody's attendance was recorded. */
  readonly rsvpYes: number;
  readonly entries: readonly HeldEntry[];
}

/** Sub-lines of a bullet: indented under it, as digestList's bullets are. */
const SUB = "\n    ◦ ";

/**
 * A meeting's record as one bullet of "Meetings this week": day and host, topic, attendance
 * (attended, or said yes where none was recorded), the host's notes, then its entries, each
 * shortened by the level's caps (`caps.list` entries, then "and N more"; a link is left out rather
 * than cut where the level is tight, since half a link is no link). Member text stays plain strings.
 */
export function recordLine(t: Translator, h: HeldRecord, caps: Caps, level: number): Inline[] {
  const line: Inline[] = h.host
    ? t.rich("digest.held.line", { day: shortDay(t, h.day), host: { user: h.host } })
    : t.rich("digest.held.noHost", { day: shortDay(t, h.day) });
  const facts = [
    ...(h.topic ? [t("digest.held.topic", { title: shorten(h.topic, caps.title) })] : []),
    ...(h.attended > 0
      ? [t("digest.held.attended", { count: String(h.attended) })]
      : h.rsvpYes > 0
        ? [t("digest.held.rsvpYes", { count: String(h.rsvpYes) })]
        : []),
  ];
  if (facts.length > 0) line.push(facts.join(" · "), h.notes ? ". " : "");
  if (h.notes) line.push(shorten(h.notes, caps.notes));
  else if (facts.length === 0 && h.entries.length === 0) line.push(t("digest.held.noNotes"));
  const shown = h.entries.slice(0, caps.list);
  for (const e of shown) line.push(SUB, ...entryText(t, e, caps, level));
  const [more] = andMore(t, shown.length, h.entries.length);
  if (typeof more === "string") line.push(SUB, more.trimStart());
  return line;
}

function entryText(t: Translator, e: HeldEntry, caps: Caps, level: number): Inline[] {
  const number = String(e.number);
  const text = shorten(e.body, e.kind === "resource" ? caps.title : caps.notes);
  if (e.kind === "resource")
    return [
      t("digest.held.resource", { number, title: text }),
      // A link is whole or not at all: at the two tightest levels only its title is shown.
      ...(e.url && level < 2 ? [` ${e.url}`] : []),
    ];
  if (e.kind === "action" && e.assignee)
    return t.rich("digest.held.actionFor", { number, text, who: { user: e.assignee } });
  return [t(e.kind === "action" ? "digest.held.action" : "digest.held.note", { number, text })];
}
