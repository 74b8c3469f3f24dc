/**
 * A typed line as Slack sends it to a slash command with "escape channels, users and links" on
 * (guyub's manifest sets `should_escape: true`), so the signing CLI and the demo send what a real
 * workspace sends. The worker decodes it in one place, src/core/commands/typed-text.ts.
 *
 *   https://meet.example/cop   → <https://meet.example/cop>
 *   meet.example               → <http://meet.example|meet.example>
 *   a@b.id                     → <mailto:a@b.id|a@b.id>
 *   @ayu (a known member)      → <@U0MEMBER|ayu>
 *   #general (a known channel) → <#C0GENERAL|general>
 *   @channel, @here, @everyone → <!channel>, <!here>, <!everyone>
 *   & < >                      → &amp; &lt; &gt;
 *
 * A name Slack does not know (`@rani`) stays plain text, as Slack leaves it. Text already in
 * Slack's form (`<@U0MEMBER>`, `<#C0GENERAL|general>`) is passed on as it is.
 */

export interface SlackDirectory {
  /** The user id of a member's name, if the workspace has one. */
  user(name: string): string | undefined;
  /** The channel id of a channel's name, if the workspace has one. */
  channel(name: string): string | undefined;
}

const SPECIALS = new Set(["channel", "here", "everyone"]);
// Domains a bare word is linked for (Slack links known top-level domains only).
const TLDS = "com|org|net|id|io|dev|app|edu|gov|co|example";
const ALREADY_ESCAPED = String.raw`<(?:[@#!][^\s<>|]+|[A-Za-z][A-Za-z0-9+.-]*:[^\s<>|]+)(?:\|[^<>]*)?>`;
const PIECES = new RegExp(
  [
    `(${ALREADY_ESCAPED})`,
    String.raw`((?:https?|mailto):[^\s<>]+)`,
    String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`,
    String.raw`(?<![\w@])@([\w-]+(?:\.[\w-]+)*)`,
    String.raw`(?<![\w#])#([\w-]+)`,
    String.raw`\b((?:[a-z0-9-]+\.)+(?:${TLDS})(?:/[^\s<>]*)?)(?![\w.-]*\w)`,
  ].join("|"),
  "gi",
);

/** `&`, `<` and `>` as Slack escapes them in text. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link's trailing punctuation is the sentence's, not the link's (`see https://x.id/a.`). */
function splitTrailing(link: string): [string, string] {
  const match = /[.,;:!?)]+$/.exec(link);
  return match ? [link.slice(0, match.index), match[0]] : [link, ""];
}

/** The line as Slack would send it (see the module comment). */
export function slackEscaped(line: string, directory: SlackDirectory): string {
  let out = "";
  let last = 0;
  for (const match of line.matchAll(PIECES)) {
    const [whole, escaped, url, mail, at, hash, domain] = match;
    out += escapeEntities(line.slice(last, match.index));
    last = match.index + whole.length;
    if (escaped) out += escaped;
    else if (url || domain) {
      const [link, trailing] = splitTrailing((url ?? domain) as string);
      const target = escapeEntities(link);
      out += `${url ? `<${target}>` : `<http://${target}|${target}>`}${escapeEntities(trailing)}`;
    } else if (mail) out += `<mailto:${mail}|${mail}>`;
    else if (at !== undefined) {
      const special = SPECIALS.has(at.toLowerCase());
      const id = special ? undefined : directory.user(at);
      out += special ? `<!${at.toLowerCase()}>` : id ? `<@${id}|${at}>` : `@${escapeEntities(at)}`;
    } else if (hash !== undefined) {
      const id = directory.channel(hash);
      out += id ? `<#${id}|${hash}>` : `#${escapeEntities(hash)}`;
    }
  }
  return out + escapeEntities(line.slice(last));
}
