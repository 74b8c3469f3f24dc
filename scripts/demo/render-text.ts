/** The transcript as text, day by day: what people did, and what each channel and DM received. */
import { DEMO_ZONE } from "./clock.ts";
import { EVERYONE } from "./people.ts";
import type { Played } from "./play.ts";
import type { Lang } from "./scenario.ts";
import type { Entry, Transcript } from "./transcript.ts";

const LOCALE: Record<Lang, string> = { en: "en-GB", id: "id-ID" };

export function dayTitle(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: DEMO_ZONE,
  }).format(at);
}

export function clockTime(at: number): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: DEMO_ZONE,
  }).format(at);
}

/**
 * A message as a person reads it: Slack's and Discord's markup dropped, members and the main
 * channel by name.
 */
export function readable(text: string): string {
  return (
    text
      .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (whole, id: string) => {
        const member = EVERYONE.find((m) => m.slackId === id);
        return member ? `@${member.name}` : whole;
      })
      .replace(/<#C0KOMUNITAS(?:\|[^>]*)?>/g, "#komunitas")
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, "$1$2")
      .replace(/#C0KOMUNITAS\b/g, "#komunitas")
      // Discord markdown: headings, the small print, **bold**.
      .replace(/^(?:#{1,3}|-#) /gm, "")
      .replace(/\*\*([^*\n]+)\*\*/g, "$1")
  );
}

/**
 * Entries grouped by local day, a message edited several times in a day shown once, in its last
 * version (an announcement is edited with every RSVP).
 */
export function byDay(entries: readonly Entry[], played: Played): Map<number, Entry[]> {
  const days = new Map<number, Entry[]>();
  for (const entry of entries) {
    const day = played.clock.local(entry.at).day;
    const list = days.get(day) ?? [];
    list.push(entry);
    days.set(day, list);
  }
  for (const [day, list] of days) {
    const lastEdit = new Map<string, Entry>();
    for (const e of list) if (e.kind === "edit" && e.target) lastEdit.set(`${e.platform}:${e.target}`, e);
    days.set(
      day,
      list.filter((e) => e.kind !== "edit" || !e.target || lastEdit.get(`${e.platform}:${e.target}`) === e),
    );
  }
  return days;
}

/** The transcript's own words (the messages themselves are guyub's, already in the community's language). */
export const WORDS: Record<Lang, Record<"day" | "onlyThem" | "form" | "updated", string>> = {
  en: { day: "day", onlyThem: "only they see this", form: "form", updated: "updated" },
  id: { day: "hari ke-", onlyThem: "hanya dia yang melihat", form: "formulir", updated: "diperbarui" },
};

function who(entry: Entry, lang: Lang): string {
  const words = WORDS[lang];
  const column = entry.column.replace(/^(slack|discord|telegram) /, "");
  const person = column.replace(/^DM /, "");
  switch (entry.kind) {
    case "member":
      return `${person}:`;
    case "private":
      return `→ ${person} (${words.onlyThem}) guyub:`;
    case "form":
      return `→ ${person} ${words.form}:`;
    case "edit":
      return `${column} ✎ guyub (${words.updated}):`;
    default:
      return `${column} guyub:`;
  }
}

export function renderText(transcript: Transcript, played: Played, lang: Lang): string {
  const out: string[] = [];
  // What people did, once per moment (it happened on each platform), even when it left no
  // message: a Discord join, say, is only seen at guyub's next member-list read.
  const steps = [...new Map(played.steps.map((s) => [`${s.at} ${s.what}`, s])).values()];
  const days = byDay(transcript.entries, played);
  for (const s of steps)
    if (!days.has(played.clock.local(s.at).day)) days.set(played.clock.local(s.at).day, []);
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    const entries = days.get(day) ?? [];
    const dayWord = WORDS[lang].day;
    const first = entries[0]?.at ?? played.clock.at(day, 12 * 60);
    out.push("", `══ ${dayTitle(first, lang)} (${dayWord}${dayWord.endsWith("-") ? "" : " "}${day + 1}) ══`);
    const todays = steps.filter((s) => played.clock.local(s.at).day === day);
    const stepsUntil = (at: number) => {
      while (todays[0] && todays[0].at <= at) {
        const s = todays.shift();
        if (s) out.push(`${clockTime(s.at)} ▸ ${s.what}`);
      }
    };
    for (const e of entries) {
      stepsUntil(e.at);
      const [head = "", ...rest] = readable(e.text).split("\n");
      out.push(`${clockTime(e.at)}   [${e.platform}] ${who(e, lang)} ${head}`);
      for (const line of rest) out.push(`${" ".repeat(16)}${line}`);
    }
    stepsUntil(Number.POSITIVE_INFINITY);
  }
  return `${out.join("\n").trimStart()}\n`;
}
