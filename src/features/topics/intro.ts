import type { ProfileAnswers } from "../profile/answers.ts";
import type { OpenTopic } from "./backlog.ts";
import type { TopicEffect } from "./effects.ts";
import { cleanTitle, foldTitle, shorten } from "./fold.ts";
import { byVotes } from "./list.ts";
import { sameSubjectTopic } from "./near.ts";
import { checkSuggestion, MAX_TITLE } from "./validate.ts";

/**
 * A newcomer's "what would you like help with" as a suggested topic, so needs reach the agenda.
 * Only on the first save or when the need changed (saving the same text again suggests nothing),
 * unnamed (`suggested_by` NULL) unless the member agreed to an introduction post. The member's
 * own vote is counted, as for any suggestion (a vote is never shown as a name). A need longer than
 * a title is shortened, the whole text kept as the details. A need already open as a topic (same
 * folded title) becomes the member's vote on it, through the same SQL as `topic suggest`; so does
 * a need that names the subject of an open topic in more or fewer words (`sameSubject`: "Ide
 * menilai kerja praktikum" next to "Menilai kerja praktikum"), the most supported such topic.
 */
export function introTopicEffects(
  userId: string,
  previousNeeds: string | null,
  answers: Pick<ProfileAnswers, "needs" | "introConsent">,
  open: readonly OpenTopic[],
): TopicEffect[] {
  const needs = answers.needs.trim();
  if (needs.length === 0 || needs === previousNeeds?.trim()) return [];
  const line = cleanTitle(needs);
  const title = shorten(line, MAX_TITLE);
  const checked = checkSuggestion(title, title === line ? null : needs);
  if ("problem" in checked) return [];
  const exact = open.some((topic) => foldTitle(topic.title) === checked.titleKey);
  const near = exact ? undefined : sameSubjectTopic(byVotes(open, new Date(0)), title);
  if (near) return [{ type: "topic.vote", topicId: near.id, userId }];
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
