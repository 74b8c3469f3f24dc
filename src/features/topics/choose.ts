import { DAY_MS } from "../../core/durations.ts";
/**
 * The refresh rule: which open topic the next meeting discusses. Pure (no D1, no clock), so the
 * documented rule is tested exactly, table by table (test/topic-choose.test.ts).
 *
 * score(topic) = Σ over its votes of 0.5 ^ (ageDays / halfLifeDays)
 *
 * A vote cast today weighs 1, one `halfLifeDays` old weighs ½, two half-lives ¼ (a vote dated
 * after `now` weighs 1). Order: topics discussed in the last K meetings (`recentTopicIds`) are left
 * out, pinned ones included; then pinned topics first; then the higher score; equal scores go to
 * the older suggestion (`createdAt`, then `id`).
 */

/** What the rule reads of a topic (only open topics are passed in). */
export interface RankableTopic {
  readonly id: number;
  /** When it was suggested (ISO); the older suggestion wins a tie. */
  readonly createdAt: string;
  readonly pinned: boolean;
}

/** One vote: its topic and when it was cast (ISO). */
export interface RankableVote {
  readonly topicId: number;
  readonly votedAt: string;
  /** Who voted (platform id), when read: lets the list count a press before it is stored. */
  readonly userId?: string;
}

export interface RankOptions {
  /** A vote's weight halves every this many days (the community's setting, default 30). */
  readonly halfLifeDays: number;
  /** Topics of the last K meetings (the community's setting, default K = 3): never candidates. */
  readonly recentTopicIds: ReadonlySet<number> | readonly number[];
}

/** A candidate with its score, in the rule's order. */
export interface RankedTopic {
  readonly id: number;
  readonly score: number;
  readonly pinned: boolean;
}

/** The weight of one vote of age `ageMs` (never above 1: a vote from the future counts as new). */
export function voteWeight(ageMs: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageMs) / DAY_MS / halfLifeDays);
}

/**
 * The open topics in the rule's order, each with its score; the first is the next meeting's
 * topic. Topics of the last K meetings are left out; votes for topics not passed in are ignored.
 * The same ordering serves `/cop topic list`.
 */
export function rankTopics(
  topics: readonly RankableTopic[],
  votes: readonly RankableVote[],
  now: Date,
  options: RankOptions,
): RankedTopic[] {
  const recent = new Set(options.recentTopicIds);
  const scores = new Map<number, number>();
  for (const topic of topics) if (!recent.has(topic.id)) scores.set(topic.id, 0);
  for (const vote of votes) {
    const score = scores.get(vote.topicId);
    if (score === undefined) continue;
    scores.set(
      vote.topicId,
      score + voteWeight(now.getTime() - Date.parse(vote.votedAt), options.halfLifeDays),
    );
  }
  return topics
    .filter((topic) => scores.has(topic.id))
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        a.id - b.id,
    )
    .map((topic) => ({ id: topic.id, score: scores.get(topic.id) ?? 0, pinned: topic.pinned }));
}

/** How many candidates the host is offered. */
export const HOST_CHOICES = 3;
