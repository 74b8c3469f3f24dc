import type { Db } from "../../db/client.ts";
import { topicWords } from "./message.ts";
import type { TopicWords } from "./scan-store.ts";

/** Open topics a member's needs are matched against: pinned first, then the newest, at most this many. */
const MATCHABLE = 100;

/**
 * What a nudge says about topics: the topic chosen for the next meeting (`meeting_topics`, by its
 * scheduled day) and the open backlog with each title's significant words.
 */
export async function nudgeTopics(
  db: Db,
  communityId: number,
  meetingDay: string | null,
): Promise<{ meetingTopic: string | null; open: TopicWords[] }> {
  const [chosen, open] = await Promise.all([
    meetingDay
      ? db
          .selectFrom("meeting_topics as mt")
          .innerJoin("topics as t", "t.id", "mt.topic_id")
          .select("t.title")
          .where("mt.community_id", "=", communityId)
          .where("mt.meeting_day", "=", meetingDay)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom("topics")
      .select(["id", "title", "title_key"])
      .where("community_id", "=", communityId)
      .where("status", "=", "open")
      .orderBy("pinned", "desc")
      .orderBy("id", "desc")
      .limit(MATCHABLE)
      .execute(),
  ]);
  return {
    meetingTopic: chosen?.title ?? null,
    open: open
      .map((t) => ({ id: t.id, title: t.title, words: topicWords(t.title_key) }))
      .filter((t) => t.words.length > 0),
  };
}
