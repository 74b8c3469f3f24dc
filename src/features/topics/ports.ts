import type { TopicReads } from "./backlog.ts";
import type { TopicEffect } from "./effects.ts";
import type { TopicRefreshEffect } from "./refresh-effects.ts";
import type { TopicRefreshReads } from "./refresh-ports.ts";

// The backlog (`topics`) and the topic refresh (`topicRefresh`) join core's `Effect` and
// `CommunityStore` from here (declaration merging); each name has its store part (store.ts,
// refresh-store.ts). The types themselves stay beside the rules that use them.
declare module "../../core/model.ts" {
  interface FeatureEffects {
    topics: TopicEffect;
    topicRefresh: TopicRefreshEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** The topic backlog: open topics with votes, one topic, a suggestion's duplicate. */
    readonly topics: TopicReads;
    /** The topic chosen per meeting, the backlog it is chosen from, the history. */
    readonly topicRefresh: TopicRefreshReads;
  }
}

export type { TopicEffect, TopicReads, TopicRefreshEffect, TopicRefreshReads };
