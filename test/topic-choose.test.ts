import { describe, expect, it } from "vitest";
import {
  type RankableTopic,
  type RankableVote,
  rankTopics,
  voteWeight,
} from "../src/features/topics/choose.ts";

const NOW = new Date("2027-03-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** A topic suggested `age` days before NOW. */
const topic = (id: number, age: number, pinned = false): RankableTopic => ({
  id,
  createdAt: ago(age),
  pinned,
});
/** Votes for `topicId`, one per age in days. */
const votes = (topicId: number, ...ages: number[]): RankableVote[] =>
  ages.map((age) => ({ topicId, votedAt: ago(age) }));

interface Case {
  readonly name: string;
  readonly topics: RankableTopic[];
  readonly votes: RankableVote[];
  readonly halfLifeDays?: number;
  readonly recent?: number[];
  /** The order the rule gives, with each score. */
  readonly expected: [id: number, score: number][];
}

const cases: Case[] = [
  {
    name: "no open topics: nothing to choose",
    topics: [],
    votes: votes(9, 0),
    expected: [],
  },
  {
    name: "more votes of the same age win",
    topics: [topic(1, 50), topic(2, 40)],
    votes: [...votes(1, 0), ...votes(2, 0, 0)],
    expected: [
      [2, 2],
      [1, 1],
    ],
  },
  {
    name: "fading: a vote 30 days old weighs ½, 60 days ¼ (half-life 30)",
    topics: [topic(1, 100), topic(2, 100), topic(3, 100)],
    votes: [...votes(1, 30), ...votes(2, 60), ...votes(3, 0)],
    expected: [
      [3, 1],
      [1, 0.5],
      [2, 0.25],
    ],
  },
  {
    name: "fading: three votes two half-lives old lose to one fresh vote",
    topics: [topic(1, 100), topic(2, 100)],
    votes: [...votes(1, 60, 60, 60), ...votes(2, 0)],
    expected: [
      [2, 1],
      [1, 0.75],
    ],
  },
  {
    name: "fading follows the community's half-life (10 days)",
    topics: [topic(1, 100), topic(2, 100)],
    votes: [...votes(1, 10, 10, 10), ...votes(2, 0)],
    halfLifeDays: 10,
    expected: [
      [1, 1.5],
      [2, 1],
    ],
  },
  {
    name: "a vote dated after now counts as a fresh one, never more",
    topics: [topic(1, 10)],
    votes: votes(1, -5),
    expected: [[1, 1]],
  },
  {
    name: "exclusion: the top topic was discussed in the last K meetings",
    topics: [topic(1, 50), topic(2, 40), topic(3, 30)],
    votes: [...votes(1, 0, 0, 0), ...votes(2, 0), ...votes(3, 0, 0)],
    recent: [1],
    expected: [
      [3, 2],
      [2, 1],
    ],
  },
  {
    name: "exclusion: every open topic discussed recently leaves nothing",
    topics: [topic(1, 50), topic(2, 40)],
    votes: votes(1, 0),
    recent: [1, 2],
    expected: [],
  },
  {
    name: "ties go to the older suggestion",
    topics: [topic(1, 5), topic(2, 20), topic(3, 10)],
    votes: [...votes(1, 3), ...votes(2, 3), ...votes(3, 3)],
    expected: [
      [2, 0.5 ** 0.1],
      [3, 0.5 ** 0.1],
      [1, 0.5 ** 0.1],
    ],
  },
  {
    name: "ties without votes go to the older suggestion too",
    topics: [topic(1, 1), topic(2, 2)],
    votes: [],
    expected: [
      [2, 0],
      [1, 0],
    ],
  },
  {
    name: "ties suggested at the same moment go to the lower id",
    topics: [topic(7, 4), topic(3, 4)],
    votes: [...votes(7, 1), ...votes(3, 1)],
    expected: [
      [3, 0.5 ** (1 / 30)],
      [7, 0.5 ** (1 / 30)],
    ],
  },
  {
    name: "pinning: a pinned topic without votes comes before every score",
    topics: [topic(1, 50), topic(2, 1, true)],
    votes: votes(1, 0, 0, 0, 0, 0),
    expected: [
      [2, 0],
      [1, 5],
    ],
  },
  {
    name: "pinning: several pinned topics keep the score order among themselves",
    topics: [topic(1, 50, true), topic(2, 40, true), topic(3, 30)],
    votes: [...votes(1, 0), ...votes(2, 0, 0), ...votes(3, 0, 0, 0)],
    expected: [
      [2, 2],
      [1, 1],
      [3, 3],
    ],
  },
  {
    name: "pinning: a pinned topic discussed in the last K meetings is left out like any other",
    topics: [topic(1, 50, true), topic(2, 40)],
    votes: votes(2, 0),
    recent: [1],
    expected: [[2, 1]],
  },
  {
    name: "votes for topics that are not open are ignored",
    topics: [topic(1, 5)],
    votes: [...votes(1, 0), ...votes(99, 0, 0)],
    expected: [[1, 1]],
  },
];

describe("the refresh rule (rankTopics)", () => {
  it.each(cases)("$name", (c) => {
    const ranked = rankTopics(c.topics, c.votes, NOW, {
      halfLifeDays: c.halfLifeDays ?? 30,
      recentTopicIds: c.recent ?? [],
    });
    expect(ranked.map((r) => r.id)).toEqual(c.expected.map(([id]) => id));
    ranked.forEach((r, i) => {
      expect(r.score).toBeCloseTo(c.expected[i]?.[1] ?? Number.NaN, 12);
    });
  });

  it("a vote's weight halves every half-life", () => {
    expect(voteWeight(0, 30)).toBe(1);
    expect(voteWeight(30 * DAY, 30)).toBe(0.5);
    expect(voteWeight(90 * DAY, 30)).toBe(0.125);
    expect(voteWeight(-DAY, 30)).toBe(1);
  });
});
