/**
 * Typed command text as the platforms send it, decoded in this one place.
 *
 * Slack sends slash-command text escaped (guyub's manifest sets `should_escape: true`): `&`, `<`
 * and `>` typed as text arrive as `&amp;`, `&lt;`, `&gt;`, and whatever Slack recognised arrives
 * in angle brackets, `<target>` or `<target|label>`:
 *
 * | typed          | arrives as                                   | a token of kind |
 * |----------------|----------------------------------------------|-----------------|
 * | a link         | `<https://x>`, `<https://x|x>`               | `link`          |
 * | a bare domain  | `<http://meet.example|meet.example>`         | `link`          |
 * | a mail address | `<mailto:a@b.id|a@b.id>`                     | `link`          |
 * | a member       | `<@U0123>`, `<@U0123|ayu>`                   | `user`          |
 * | a channel      | `<#C0123|general>`, `<#C0123|>` (private)    | `channel`       |
 * | a user group   | `<!subteam^S0123|@guru>`                     | `group`         |
 * | @channel …     | `<!channel>`, `<!here>`, `<!everyone>`       | `special`       |
 *
 * Discord's own mention forms (`<@id>`, `<@!id>`, `<@&id>` roles, `<#id>`) read the same way, so
 * a typed Discord line (the signing CLI's) tokenizes with the same rules.
 *
 * Every token keeps `raw`, exactly as typed, and `text`, readable text: entities decoded, a link
 * as its URL (a mail address as the address), a member as `@ayu` (or `@U0123` when Slack sent no
 * name), a channel as `#general`, the specials as `@channel`, `@here`, `@everyone`. Readable text
 * is a plain string, so renderers escape it and it can never ping anyone when echoed back.
 */

export type Token =
  | { readonly kind: "word"; readonly text: string; readonly raw: string }
  | {
      readonly kind: "user" | "role" | "channel" | "group";
      readonly id: string;
      readonly text: string;
      readonly raw: string;
    }
  | { readonly kind: "special"; readonly name: string; readonly text: string; readonly raw: string }
  | { readonly kind: "link"; readonly url: string; readonly text: string; readonly raw: string };

/** A reference's token before its raw text is attached. */
type Decoded =
  Exclude<Token, { kind: "word" }> extends infer R ? (R extends Token ? Omit<R, "raw"> : never) : never;

// `<target>` or `<target|label>`; a target is a mention (`@`, `#`), a special (`!`) or a URL.
// Labels may hold spaces (a link's text); targets never do.
const REFERENCE = String.raw`<([@#!][^\s<>|]+|[A-Za-z][A-Za-z0-9+.-]*:[^\s<>|]+)(?:\|([^<>]*))?>`;
const WHOLE = new RegExp(`^${REFERENCE}$`);
const AT = new RegExp(REFERENCE, "y");
const ANYWHERE = new RegExp(`${REFERENCE}|&(?:amp|lt|gt);`, "g");
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };
const QUOTES: Record<string, string> = { '"': '"', "“": "”", "„": "”", "«": "»" };

/** Slack's three entities back to characters, in one pass (`&amp;lt;` stays `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** What one `<target|label>` means, or null when it is no reference guyub knows (kept as text). */
function decodeReference(rawTarget: string, rawLabel: string | undefined): Decoded | null {
  const target = decodeEntities(rawTarget);
  const label = rawLabel ? decodeEntities(rawLabel).trim() : "";
  const named = (sigil: string, id: string) => `${sigil}${label.replace(/^[@#]/, "") || id}`;
  let match = /^@&([A-Za-z0-9]+)$/.exec(target);
  if (match?.[1]) return { kind: "role", id: match[1], text: named("@", match[1]) };
  match = /^@!?([A-Za-z0-9]+)$/.exec(target);
  if (match?.[1]) return { kind: "user", id: match[1], text: named("@", match[1]) };
  match = /^#([A-Za-z0-9]+)$/.exec(target);
  if (match?.[1]) return { kind: "channel", id: match[1], text: named("#", match[1]) };
  match = /^!subteam\^([A-Za-z0-9]+)$/.exec(target);
  if (match?.[1]) return { kind: "group", id: match[1], text: named("@", match[1]) };
  match = /^!([a-z_]+)/.exec(target);
  // `<!here>`, `<!channel>`, `<!everyone>`; `<!date^…|fallback>` reads as its fallback.
  if (match?.[1]) return { kind: "special", name: match[1], text: label || `@${match[1]}` };
  if (target.startsWith("!") || target.startsWith("@") || target.startsWith("#")) return null;
  // A link reads as where it goes, never as its label: a label cannot hide the destination.
  const text = /^mailto:/i.test(target) ? target.slice("mailto:".length) : target;
  return { kind: "link", url: target, text };
}

/** Readable text of escaped text: every reference and entity decoded (see the module comment). */
export function readableText(raw: string): string {
  return raw.replace(ANYWHERE, (whole: string, target?: string, label?: string) => {
    if (target === undefined) return ENTITIES[whole] ?? whole;
    return decodeReference(target, label)?.text ?? decodeEntities(whole);
  });
}

function classify(raw: string): Token {
  const match = WHOLE.exec(raw);
  const reference = match?.[1] ? decodeReference(match[1], match[2]) : null;
  return reference ? ({ ...reference, raw } as Token) : { kind: "word", text: readableText(raw), raw };
}

/**
 * Splits typed text into tokens at white space, honouring straight and smart quotes (Slack clients
 * send “ ”) and keeping a reference whole even when its label holds spaces. A quoted phrase is
 * always a word.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const close = QUOTES[char];
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      const stop = end === -1 ? text.length : end;
      const raw = text.slice(i + 1, stop);
      tokens.push({ kind: "word", text: readableText(raw), raw });
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string)) {
      AT.lastIndex = end;
      const reference = text[end] === "<" ? AT.exec(text) : null;
      end += reference ? reference[0].length : 1;
    }
    tokens.push(classify(text.slice(i, end)));
    i = end;
  }
  return tokens;
}
