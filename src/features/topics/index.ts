import type { Feature } from "../../core/feature.ts";
import { TOPIC_ACTIONS } from "./actions.ts";
import { TOPIC_REFRESH_ACTIONS } from "./choose-action.ts";
import { topicList, topicSuggest, topicUnvote, topicVote } from "./command.ts";
import { topicHistory } from "./command-history.ts";
import { topicEdit, topicPin, topicRetire } from "./command-moderate.ts";

/**
 * Topics: the backlog (`/cop topic …`, suggestions, votes, pins) and the topic refresh (the topic
 * chosen for each meeting, offered to its host). Its core part; the store parts are `store.ts`
 * (`topics`) and `refresh-store.ts` (`topicRefresh`), the weekly job `refresh-job.ts`.
 */
export const topics: Feature = {
  name: "topics",
  commands: [topicList, topicSuggest, topicVote, topicUnvote, topicPin, topicRetire, topicEdit, topicHistory],
  groups: { topic: "cmd.topic" },
  actions: [...TOPIC_ACTIONS, ...TOPIC_REFRESH_ACTIONS],
};

// Re-exported so that any program reaching the feature also reaches its declaration merging
// (ports.ts): `tsc -p tsconfig.scripts.json` only sees the files imports lead to.
export type { TopicEffect, TopicReads, TopicRefreshEffect, TopicRefreshReads } from "./ports.ts";
