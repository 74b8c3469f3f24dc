import type { OpenTopic } from "./backlog.ts";
import { rankTopics } from "./choose.ts";
import type { RankTopics } from "./list.ts";
import type { RefreshBacklog } from "./refresh-ports.ts";

/** A vote or unvote being pressed now, not yet in the stored votes the list was read with. */
export interface PendingVote {
  readonly topicId: number;
  readonly userId: string;
  readonly vote: boolean;
}

/**
 * The list in the refresh rule's order (`rankTopics`: pinned, then the fading score, then the
 * older suggestion), so the backlog members see is the order the next topic is chosen in. No
 * recent-meeting exclusion here: the list shows every open topic. A press being redrawn counts
 * at once: a new vote weighs 1, an unvote drops that member's vote.
 */
export function fadingRank(backlog: RefreshBacklog, pending?: PendingVote): RankTopics {
  return (topics: readonly OpenTopic[], now: Date) => {
    let votes = backlog.votes;
    if (pending) {
      const { topicId, userId } = pending;
      votes = votes.filter((v) => !(v.topicId === topicId && v.userId === userId));
      if (pending.vote) votes = [...votes, { topicId, userId, votedAt: now.toISOString() }];
    }
    const rankable = topics.map((t) => ({
      id: t.id,
      createdAt: t.createdAt.toISOString(),
      pinned: t.pinned,
    }));
    const order = rankTopics(rankable, votes, now, {
      halfLifeDays: backlog.halfLifeDays,
      recentTopicIds: [],
    });
    const byId = new Map(topics.map((t) => [t.id, t]));
    return order.flatMap((r) => byId.get(r.id) ?? []);
  };
}
