import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import type { TopicRefreshEffect, TopicRefreshReads } from "./ports.ts";
import type { MeetingTopic } from "./refresh-ports.ts";

/**
 * The topic refresh's store part (listed in src/features/server.ts before the backlog's: a
 * meeting's topic points at its topic without a cascade, so it is erased first).
 */
export const topicRefreshStore = featureStore({
  name: "topicRefresh",
  reads: createTopicRefreshReads,
  effectTypes: ["topic.decide", "topic.hostChoose", "topic.markDiscussed", "topic.archiveStale"],
  effectQueries: topicRefreshEffectQueries,
  communityTables: ["meeting_topics"],
});

/** The reads of the topic refresh, the host's choice and `/cop topic history`. */
export function createTopicRefreshReads(db: Db): TopicRefreshReads {
  return {
    async backlog(communityId) {
      const [settings, topics, votes] = await Promise.all([
        db
          .selectFrom("communities")
          .select(["topic_half_life_days", "topic_recent_meetings"])
          .where("id", "=", communityId)
          .executeTakeFirst(),
        db
          .selectFrom("topics")
          .select(["id", "title", "pinned", "created_at"])
          .where("community_id", "=", communityId)
          .where("status", "=", "open")
          .execute(),
        db
          .selectFrom("topic_votes as v")
          .innerJoin("topics as t", "t.id", "v.topic_id")
          .select(["v.topic_id", "v.voted_at", "v.user_id"])
          .where("v.community_id", "=", communityId)
          .where("t.status", "=", "open")
          .execute(),
      ]);
      return {
        topics: topics.map((t) => ({
          id: t.id,
          title: t.title,
          pinned: t.pinned === 1,
          createdAt: t.created_at,
        })),
        votes: votes.map((v) => ({ topicId: v.topic_id, votedAt: v.voted_at, userId: v.user_id })),
        halfLifeDays: settings?.topic_half_life_days ?? 30,
        recentMeetings: settings?.topic_recent_meetings ?? 3,
      };
    },

    async recentTopics(communityId, beforeDay, count) {
      if (count <= 0) return [];
      const rows = await sql<{ topic_id: number; title: string }>`
        SELECT mt.topic_id, t.title FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id
        WHERE mt.community_id = ${communityId} AND mt.meeting_day < ${beforeDay}
          AND NOT EXISTS (SELECT 1 FROM rotation_ledger l WHERE l.community_id = mt.community_id
            AND l.meeting_day = mt.meeting_day AND l.kind IN ('skipped', 'cancelled'))
          AND NOT EXISTS (SELECT 1 FROM meeting_overrides o WHERE o.community_id = mt.community_id
            AND o.day = mt.meeting_day AND o.cancelled = 1)
        ORDER BY mt.meeting_day DESC LIMIT ${count}`.execute(db);
      return rows.rows.map((r) => ({ id: r.topic_id, title: r.title }));
    },

    meetingTopic: (communityId, meetingDay) => meetingTopic(db, communityId, meetingDay),

    async history(communityId, limit) {
      const rows = await db
        .selectFrom("meeting_topics as mt")
        .innerJoin("rotation_ledger as l", (join) =>
          join
            .onRef("l.community_id", "=", "mt.community_id")
            .onRef("l.meeting_day", "=", "mt.meeting_day")
            .on("l.kind", "=", "hosted"),
        )
        .innerJoin("topics as t", "t.id", "mt.topic_id")
        .select(["mt.meeting_day", "t.title", "l.member_id"])
        .where("mt.community_id", "=", communityId)
        .orderBy("mt.meeting_day", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ meetingDay: r.meeting_day, title: r.title, host: r.member_id }));
    },
  };
}

/**
 * The topic chosen for a meeting and the candidates offered, or null before the refresh chose.
 * Also what the announcement and `/cop meeting next` show (`topicFor`).
 */
export async function meetingTopic(
  db: Db,
  communityId: number,
  meetingDay: string,
): Promise<MeetingTopic | null> {
  const row = await db
    .selectFrom("meeting_topics as mt")
    .innerJoin("topics as t", "t.id", "mt.topic_id")
    .select(["mt.topic_id", "t.title", "mt.source", "mt.candidates", "mt.chosen_by"])
    .where("mt.community_id", "=", communityId)
    .where("mt.meeting_day", "=", meetingDay)
    .executeTakeFirst();
  if (!row) return null;
  const ids = (JSON.parse(row.candidates) as unknown[]).filter((id): id is number => typeof id === "number");
  const titles =
    ids.length === 0
      ? []
      : await db.selectFrom("topics").select(["id", "title"]).where("id", "in", ids).execute();
  const byId = new Map(titles.map((t) => [t.id, t.title]));
  return {
    meetingDay,
    topicId: row.topic_id,
    title: row.title,
    source: row.source,
    candidates: ids.flatMap((id) => {
      const title = byId.get(id);
      return title === undefined ? [] : [{ id, title }];
    }),
    chosenBy: row.chosen_by,
  };
}

/** The title of a meeting's topic (the announcement, `/cop meeting next`), or null if none yet. */
export async function topicFor(db: Db, communityId: number, meetingDay: string): Promise<string | null> {
  const row = await db
    .selectFrom("meeting_topics as mt")
    .innerJoin("topics as t", "t.id", "mt.topic_id")
    .select("t.title")
    .where("mt.community_id", "=", communityId)
    .where("mt.meeting_day", "=", meetingDay)
    .executeTakeFirst();
  return row?.title ?? null;
}

/** The statements of one refresh effect, for `store.apply`'s batch. */
export function topicRefreshEffectQueries(
  db: Db,
  communityId: number,
  effect: TopicRefreshEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  switch (effect.type) {
    case "topic.decide":
      // The primary key (community, meeting day) keeps the first choice: one per meeting.
      return [
        db
          .insertInto("meeting_topics")
          .values({
            community_id: communityId,
            meeting_day: effect.meetingDay,
            topic_id: effect.topicId,
            source: effect.source,
            candidates: JSON.stringify(effect.candidates),
            chosen_by: null,
            decided_at: at,
          })
          .onConflict((oc) => oc.columns(["community_id", "meeting_day"]).doNothing())
          .compile(),
      ];
    case "topic.hostChoose":
      // Only one of the offered candidates, whatever the button said.
      return [
        sql`UPDATE meeting_topics SET topic_id = ${effect.topicId}, source = 'host',
              chosen_by = ${effect.userId}, decided_at = ${at}
            WHERE community_id = ${communityId} AND meeting_day = ${effect.meetingDay}
              AND EXISTS (SELECT 1 FROM json_each(candidates) WHERE value = ${effect.topicId})`.compile(db),
      ];
    case "topic.markDiscussed":
      return [
        sql`UPDATE topics SET last_discussed_on = held.day, pinned = 0, updated_at = ${at}
            FROM (SELECT mt.topic_id, max(mt.meeting_day) AS day FROM meeting_topics mt
                  JOIN rotation_ledger l ON l.community_id = mt.community_id
                    AND l.meeting_day = mt.meeting_day AND l.kind = 'hosted'
                  WHERE mt.community_id = ${communityId} GROUP BY mt.topic_id) AS held
            WHERE topics.id = held.topic_id
              AND (topics.last_discussed_on IS NULL OR topics.last_discussed_on < held.day)`.compile(db),
      ];
    case "topic.archiveStale":
      // One statement over the (community, status) index; the digest reports each archive once.
      return [
        sql`UPDATE topics SET status = 'archived', archived_at = ${at}, updated_at = ${at}
            WHERE community_id = ${communityId} AND status = 'open' AND pinned = 0
              AND created_at < ${effect.cutoff}
              AND NOT EXISTS (SELECT 1 FROM topic_votes v WHERE v.topic_id = topics.id
                AND v.voted_at >= ${effect.cutoff})
              AND NOT EXISTS (SELECT 1 FROM meeting_topics mt WHERE mt.community_id = topics.community_id
                AND mt.topic_id = topics.id AND mt.meeting_day >= ${effect.today})`.compile(db),
      ];
  }
}
