import type { RankableTopic, RankableVote } from "./choose.ts";

/** An open topic as the refresh reads it. */
export interface BacklogTopic extends RankableTopic {
  readonly title: string;
}

/** The open backlog of a community and its refresh settings. */
export interface RefreshBacklog {
  readonly topics: readonly BacklogTopic[];
  readonly votes: readonly RankableVote[];
  /** A vote's weight halves every this many days (default 30). */
  readonly halfLifeDays: number;
  /** K: topics of this many recent meetings are left out (default 3). */
  readonly recentMeetings: number;
}

/** The topic chosen for one meeting, with the candidates the host was offered. */
export interface MeetingTopic {
  readonly meetingDay: string;
  readonly topicId: number;
  readonly title: string;
  readonly source: "pinned" | "rule" | "host";
  readonly candidates: readonly { readonly id: number; readonly title: string }[];
  /** The host who chose; null while the rule's choice stands. */
  readonly chosenBy: string | null;
}

/** A held meeting and what it discussed, for `/cop topic history`. */
export interface DiscussedMeeting {
  readonly meetingDay: string;
  readonly title: string;
  /** The host the ledger recorded (platform user id); null if nobody was named. */
  readonly host: string | null;
}

/** What the refresh, the host's buttons and the history read (refresh-store.ts). */
export interface TopicRefreshReads {
  backlog(communityId: number): Promise<RefreshBacklog>;
  /**
   * The topics of the last `count` meetings before `beforeDay` that had one (meetings cancelled or
   * skipped for a holiday do not count), newest first: left out of the next choice, and so are
   * open topics on the same subject (`recentlyDiscussed`).
   */
  recentTopics(
    communityId: number,
    beforeDay: string,
    count: number,
  ): Promise<{ readonly id: number; readonly title: string }[]>;
  meetingTopic(communityId: number, meetingDay: string): Promise<MeetingTopic | null>;
  /** Held meetings with their topic and host, newest first. */
  history(communityId: number, limit: number): Promise<DiscussedMeeting[]>;
}
