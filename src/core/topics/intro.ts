import type { ProfileAnswers } from "../profile/answers.ts";
import type { TopicEffect } from "./effects.ts";
import { cleanTitle, shorten } from "./fold.ts";
import { checkSuggestion, MAX_TITLE } from "./validate.ts";

/**
 * A newcomer's "what would you like help with" as a suggested topic, so needs reach the agenda.
 * Only on the first save or when the need changed (saving the same text again suggests nothing),
 * unnamed (`suggested_by` NULL) unless the member agreed to an introduction post. The member's
 * own vote is counted, as for any suggestion (a vote is never shown as a name). A need longer than
 * a title is shortened, the whole text kept as the details. A need already open as a topic (same
 * folded title) becomes the member's vote on it, through the same SQL as `topic suggest`.
 */
export function introTopicEffects(
  userId: string,
  previousNeeds: string | null,
  answers: Pick<ProfileAnswers, "needs" | "introConsent">,
): TopicEffect[] {
  const needs = answers.needs.trim();
  if (needs.length === 0 || needs === previousNeeds?.trim()) return [];
  const line = cleanTitle(needs);
  const title = shorten(line, MAX_TITLE);
  const checked = checkSuggestion(title, title === line ? null : needs);
  if ("problem" in checked) return [];
  return [
    {
      type: "topic.suggest",
      ...checked,
      suggestedBy: answers.introConsent ? userId : null,
      source: "intro",
      voter: userId,
      brake: false,
    },
  ];
}
