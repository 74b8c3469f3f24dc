import { parseDay } from "../../core/calendar.ts";
import { type Token, tokenize } from "../../core/commands/parse-text.ts";

/**
 * What follows `/cop meeting note|resource|action`, read in core from the raw typed text (Slack's
 * escaped text, or Discord's text option, where mentions arrive as `<@id>` alike):
 * `remove 3` / `hapus 3`, `edit 3 …` / `ubah 3 …`, or an entry to add, optionally after a date
 * (`2027-03-02 …`) naming a meeting held in the last 30 days.
 */
export type EntryWords =
  | { readonly kind: "add"; readonly date: string | null; readonly tokens: readonly Token[] }
  | { readonly kind: "edit"; readonly number: number; readonly tokens: readonly Token[] }
  | { readonly kind: "remove"; readonly number: number }
  /** `remove`/`edit` without a number: the word typed, to say what is missing. */
  | { readonly kind: "noNumber"; readonly word: string }
  /** A first word shaped like a date that is no day (`2027-02-30`). */
  | { readonly kind: "badDate"; readonly text: string };

const REMOVE = new Set(["remove", "delete", "hapus"]);
const EDIT = new Set(["edit", "ubah"]);

/** `3` or `#3`: an entry's short number. */
function entryNumber(token: Token | undefined): number | null {
  const match = token ? /^#?(\d{1,9})$/.exec(token.text) : null;
  return match?.[1] ? Number(match[1]) : null;
}

export function readEntryWords(raw: string): EntryWords {
  const tokens = tokenize(raw);
  const [first, second] = tokens;
  const word = first?.kind === "word" ? first.text.toLowerCase() : "";
  if (REMOVE.has(word) || EDIT.has(word)) {
    const number = entryNumber(second);
    if (number === null) return { kind: "noNumber", word: first?.text ?? "" };
    return REMOVE.has(word) ? { kind: "remove", number } : { kind: "edit", number, tokens: tokens.slice(2) };
  }
  if (first?.kind === "word" && /^\d{4}-\d{2}-\d{2}$/.test(first.text)) {
    const date = parseDay(first.text);
    if (date === null) return { kind: "badDate", text: first.text };
    return { kind: "add", date, tokens: tokens.slice(1) };
  }
  return { kind: "add", date: null, tokens };
}

/** Readable text of tokens: mentions as `@name`, `@channel` as plain text, links as their URL. */
export function readable(tokens: readonly Token[]): string {
  return tokens
    .map((token) => token.text)
    .join(" ")
    .trim();
}
