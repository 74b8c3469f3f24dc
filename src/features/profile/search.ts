import type { Inline } from "../../core/message.ts";

/** Marks a hit in a snippet; `cleanAnswer` strips both from member text, so they are unambiguous. */
export const HIT_START = "\ue000";
export const HIT_END = "\ue001";

/** At most this many words of a query reach FTS5; each at most this long. */
const MAX_WORDS = 8;
const MAX_WORD = 40;
/** Words this long or longer also match as a prefix ("rubric" finds "rubrics"). */
const PREFIX_FROM = 3;
/** FTS5's operators. They would be harmless inside quotes, but a member typing them means them as
 * glue, not as something to look for. */
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/** A member's search, made safe for FTS5 MATCH. */
export interface FtsQuery {
  /** The MATCH expression: quoted words joined by OR, so more matching words rank higher. */
  readonly match: string;
  /** The words searched for, to show back to the member. */
  readonly words: readonly string[];
}

/**
 * Turns free text into a safe FTS5 query: only runs of letters, marks and digits survive
 * (quotes, `*`, `^`, `:`, `(`, `-`, `+` and every other character are separators), FTS5's
 * operator words are dropped, and each remaining word becomes a quoted string. Null when nothing
 * is left to look for.
 */
export function ftsQuery(input: string): FtsQuery | null {
  const words: string[] = [];
  for (const match of input.normalize("NFC").matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const word = match[0].slice(0, MAX_WORD);
    if (OPERATORS.has(word)) continue;
    if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word);
    if (words.length === MAX_WORDS) break;
  }
  if (words.length === 0) return null;
  // Inside an FTS5 string a `"` would be written `""`; the words hold none, but quoting stays
  // correct even if the character class above ever widens.
  const terms = words.map((w) => `"${w.replace(/"/g, '""')}"${[...w].length >= PREFIX_FROM ? "*" : ""}`);
  return { match: terms.join(" OR "), words };
}

/** A snippet as inline pieces: hits bold, everything else plain (so renderers escape it). */
export function snippetPieces(snippet: string): Inline[] {
  const pieces: Inline[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start === -1) {
      pieces.push(rest);
      break;
    }
    if (start > 0) pieces.push(rest.slice(0, start));
    const end = rest.indexOf(HIT_END, start + 1);
    const hit = rest.slice(start + 1, end === -1 ? undefined : end);
    if (hit) pieces.push({ bold: hit });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return pieces;
}
