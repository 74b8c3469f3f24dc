/**
 * Topic titles as people type them, and the key that says two titles are the same topic.
 * "Kelas Besar!", "kelas  besar" and "Kélas besar" all fold to `kelas besar`, so the second
 * suggestion becomes a vote on the first (the unique index `topics_open_title` holds the key).
 */

// Controls other than newline and tab never come from a keyboard.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Member text as stored: NFC, invisible controls dropped, runs of spaces and newlines made one space, trimmed. */
export function cleanTitle(text: string): string {
  return text.normalize("NFC").replace(CONTROLS, "").replace(/\s+/gu, " ").trim();
}

/** Details keep their line breaks (a member may write a short list); controls dropped, trimmed. */
export function cleanDetails(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROLS, "").trim();
}

/**
 * The folded key: lower case, accents removed (NFKD, then combining marks dropped), every run of
 * punctuation, symbols and spaces one space, trimmed. Empty when the title has no letter or digit.
 */
export function foldTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Length as members and SQLite's length() count it: code points, not UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length;
}

/** The first `max` code points, cut at a word where one is near, with "…" when anything was cut. */
export function shorten(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const head = points.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
