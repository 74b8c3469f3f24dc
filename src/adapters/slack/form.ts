/**
 * The fields of an `application/x-www-form-urlencoded` body, in order, exactly as
 * `[...new URLSearchParams(raw)]` gives them. Iterating workerd's `URLSearchParams` crosses into
 * the runtime once per field (about 5 % of a slash command's CPU, measured); a command's dozen
 * fields split in JavaScript cost a fraction of that. A value whose escapes `decodeURIComponent`
 * refuses (a stray `%`, bytes that are not UTF-8, which URLSearchParams keeps or replaces
 * instead) sends the whole body to `URLSearchParams` (test/slack-form.test.ts compares them).
 */
export function formEntries(raw: string): [string, string][] {
  try {
    const entries: [string, string][] = [];
    let start = 0;
    while (start < raw.length) {
      let end = raw.indexOf("&", start);
      if (end < 0) end = raw.length;
      if (end > start) {
        const eq = raw.indexOf("=", start);
        entries.push(
          eq >= 0 && eq < end
            ? [decode(raw.slice(start, eq)), decode(raw.slice(eq + 1, end))]
            : [decode(raw.slice(start, end)), ""],
        );
      }
      start = end + 1;
    }
    return entries;
  } catch {
    return [...new URLSearchParams(raw)];
  }
}

function decode(text: string): string {
  const spaced = text.includes("+") ? text.replaceAll("+", " ") : text;
  return spaced.includes("%") ? decodeURIComponent(spaced) : spaced;
}
