import type { Token } from "../../core/commands/parse-text.ts";
import type { Translator } from "../../core/i18n/index.ts";
import { parseLink } from "../meetings/parse.ts";
import { readable } from "./entry-words.ts";
import { ENTRY_BODY_MAX, type EntryKind, type EntryText, LINK_MAX } from "./ports.ts";

/** Why an entry's words cannot be stored; each has its own answer (strings `memory.bad.*`). */
export type EntryTextProblem =
  | { readonly problem: "empty" }
  | { readonly problem: "tooLong"; readonly length: number }
  | { readonly problem: "noLink" }
  | { readonly problem: "badLink"; readonly value: string }
  | { readonly problem: "linkTooLong"; readonly length: number }
  | { readonly problem: "noTitle" };

const length = (text: string) => [...text].length;

/**
 * The stored text of an entry from what was typed: a note's words; a resource's link (http or
 * https only, at most 500 characters) then its title; an action's words, and a member mentioned
 * last takes it on. Member text is kept as readable text: a mention of `@channel` or a group is
 * plain words, escaped wherever it is shown.
 */
export function entryText(kind: EntryKind, tokens: readonly Token[]): EntryText | EntryTextProblem {
  if (kind === "resource") return resourceText(tokens);
  let words = tokens;
  let assignee: string | null = null;
  const last = tokens.at(-1);
  if (kind === "action" && last?.kind === "user" && tokens.length > 1) {
    assignee = last.id;
    words = tokens.slice(0, -1);
  }
  const body = readable(words);
  if (!body) return { problem: "empty" };
  if (length(body) > ENTRY_BODY_MAX) return { problem: "tooLong", length: length(body) };
  return { body, url: null, assignee };
}

/** `<link> <title>`: both are needed, the link first. */
function resourceText(tokens: readonly Token[]): EntryText | EntryTextProblem {
  const [first, ...rest] = tokens;
  if (!first) return { problem: "noLink" };
  const typed = first.kind === "link" ? first.url : first.text;
  const url = parseLink(typed);
  if (url === null) return { problem: "badLink", value: typed };
  if (length(url) > LINK_MAX) return { problem: "linkTooLong", length: length(url) };
  const title = readable(rest);
  if (!title) return { problem: "noTitle" };
  if (length(title) > ENTRY_BODY_MAX) return { problem: "tooLong", length: length(title) };
  return { body: title, url, assignee: null };
}

export function isProblem(text: EntryText | EntryTextProblem): text is EntryTextProblem {
  return "problem" in text;
}

/** `/cop meeting note|resource|action …` as typed, for examples in answers. */
export function entryUsage(
  ctx: { readonly syntax: { readonly prefix: string } },
  kind: EntryKind,
  rest: string,
): string {
  return `${ctx.syntax.prefix} meeting ${kind} ${rest}`;
}

/** The answer to an entry's words that cannot be stored. */
export function problemText(
  ctx: { readonly t: Translator; readonly syntax: { readonly prefix: string } },
  kind: EntryKind,
  text: EntryTextProblem,
): string {
  const usage = entryUsage(
    ctx,
    kind,
    ctx.t(
      kind === "note"
        ? "example.memoryNote"
        : kind === "resource"
          ? "example.memoryResource"
          : "example.memoryAction",
    ),
  );
  switch (text.problem) {
    case "empty":
      return ctx.t("memory.bad.empty", { usage });
    case "tooLong":
      return ctx.t("memory.bad.tooLong", { length: String(text.length) });
    case "noLink":
      return ctx.t("memory.bad.noLink", { usage });
    case "badLink":
      return ctx.t("memory.bad.badLink", { value: text.value });
    case "linkTooLong":
      return ctx.t("memory.bad.linkTooLong", { length: String(text.length) });
    case "noTitle":
      return ctx.t("memory.bad.noTitle", { usage });
  }
}
