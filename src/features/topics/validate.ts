import { cleanDetails, cleanTitle, foldTitle, textLength } from "./fold.ts";

/** Longest title, in code points (the migration's CHECK says the same). */
export const MAX_TITLE = 150;
/** Longest details, in code points. */
export const MAX_DETAILS = 500;
/** The spam brake: at most this many new topics from one member… */
export const SUGGESTIONS_PER_WINDOW = 10;
/** …within this window. Counted in SQL when the topic is inserted, so a race cannot pass it. */
export const SUGGESTION_WINDOW_MS = 60_000;

/** A title and details ready to store, with the folded key. */
export interface CleanSuggestion {
  readonly title: string;
  readonly titleKey: string;
  readonly details: string | null;
}

/** Why a suggestion (or an edited title) was refused; each has its own message. */
export type SuggestionProblem =
  | { readonly problem: "empty" }
  | { readonly problem: "titleLong"; readonly length: number }
  | { readonly problem: "detailsLong"; readonly length: number };

/** Cleans and checks a title (and details): 1–150 characters with a letter or digit; details ≤ 500. */
export function checkSuggestion(
  rawTitle: string,
  rawDetails?: string | null,
): CleanSuggestion | SuggestionProblem {
  const title = cleanTitle(rawTitle);
  const titleKey = foldTitle(title);
  if (titleKey.length === 0) return { problem: "empty" };
  if (textLength(title) > MAX_TITLE) return { problem: "titleLong", length: textLength(title) };
  const details = rawDetails ? cleanDetails(rawDetails) : "";
  if (textLength(details) > MAX_DETAILS) return { problem: "detailsLong", length: textLength(details) };
  return { title, titleKey, details: details.length > 0 ? details : null };
}

/** A topic id as typed: `12` or `#12`; null for anything else. */
export function parseTopicId(text: string): number | null {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}
