import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import type { OpenTopic, SuggestState, TopicRow } from "./backlog.ts";
import { topicsMemberData } from "./member-data-store.ts";
import type { TopicEffect, TopicReads } from "./ports.ts";
import { SUGGESTION_WINDOW_MS, SUGGESTIONS_PER_WINDOW } from "./validate.ts";

/** The topic backlog's store part (listed in src/features/server.ts); votes before their topics. */
export const topicsStore = featureStore({
  name: "topics",
  reads: createTopicReads,
  effectTypes: ["topic.suggest", "topic.vote", "topic.unvote", "topic.pin", "topic.retire", "topic.edit"],
  effectQueries: topicEffectQueries,
  communityTables: ["topic_votes", "topics"],
  memberData: topicsMemberData,
});

interface TopicSqlRow {
  id: number;
  title: string;
  details: string | null;
  pinned: number;
  source: "member" | "intro";
  suggested_by: string | null;
  status: "open" | "archived" | "retired";
  created_at: string;
  votes: number;
  resources: number;
  mine: number;
}

function topicFromRow(row: TopicSqlRow): TopicRow {
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    pinned: row.pinned === 1,
    source: row.source,
    suggestedBy: row.suggested_by,
    status: row.status,
    votes: row.votes,
    resources: row.resources,
    mine: row.mine === 1,
    createdAt: new Date(row.created_at),
  };
}

/** Topics with their vote count and whether `userId` voted: one statement, one row per topic. */
function topicsQuery(db: Db, communityId: number, userId: string) {
  return db
    .selectFrom("topics as t")
    .leftJoin("topic_votes as v", "v.topic_id", "t.id")
    .select([
      "t.id",
      "t.title",
      "t.details",
      "t.pinned",
      "t.source",
      "t.suggested_by",
      "t.status",
      "t.created_at",
      sql<number>`count(v.user_id)`.as("votes"),
      sql<number>`(SELECT count(*) FROM topic_resources r
                   WHERE r.community_id = t.community_id AND r.topic_id = t.id)`.as("resources"),
      sql<number>`coalesce(max(v.user_id = ${userId}), 0)`.as("mine"),
    ])
    .where("t.community_id", "=", communityId)
    .groupBy("t.id");
}

/** The D1 implementation of core's `TopicReads`. */
export function createTopicReads(db: Db): TopicReads {
  return {
    async backlog(communityId, userId): Promise<OpenTopic[]> {
      const rows = await topicsQuery(db, communityId, userId).where("t.status", "=", "open").execute();
      return rows.map((row) => topicFromRow(row as TopicSqlRow));
    },

    async byId(communityId, topicId, userId) {
      const row = await topicsQuery(db, communityId, userId).where("t.id", "=", topicId).executeTakeFirst();
      return row ? topicFromRow(row as TopicSqlRow) : null;
    },

    async suggestState(communityId, userId, titleKey, since): Promise<SuggestState> {
      const { rows } = await sql<{ recent: number; id: number | null; title: string | null; mine: number }>`
        SELECT
          (SELECT count(*) FROM topics WHERE community_id = ${communityId} AND suggested_by = ${userId}
             AND created_at > ${since.toISOString()}) AS recent,
          t.id, t.title,
          EXISTS (SELECT 1 FROM topic_votes v WHERE v.topic_id = t.id AND v.user_id = ${userId}) AS mine
        FROM (SELECT 1) AS one
        LEFT JOIN topics t ON t.community_id = ${communityId} AND t.title_key = ${titleKey} AND t.status = 'open'`.execute(
        db,
      );
      const row = rows[0];
      const duplicate =
        row?.id != null && row.title != null ? { id: row.id, title: row.title, mine: row.mine === 1 } : null;
      return { duplicate, recent: row?.recent ?? 0 };
    },
  };
}

/** A vote on the open topic matched by `match` (an id or a folded title); a second vote is a no-op. */
function voteQuery(db: Db, communityId: number, userId: string, at: string, match: ReturnType<typeof sql>) {
  return sql`
    INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at)
    SELECT community_id, id, ${userId}, ${at} FROM topics
    WHERE community_id = ${communityId} AND status = 'open' AND ${match}
    ON CONFLICT DO NOTHING`.compile(db);
}

/** The statements of one topic effect, for `store.apply`'s batch. */
export function topicEffectQueries(
  db: Db,
  communityId: number,
  effect: TopicEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  switch (effect.type) {
    case "topic.suggest": {
      // The brake is counted by the INSERT itself: two racing requests cannot both see nine.
      const since = new Date(now.getTime() - SUGGESTION_WINDOW_MS).toISOString();
      const brake = effect.brake
        ? sql`(SELECT count(*) FROM topics WHERE community_id = ${communityId}
                 AND suggested_by = ${effect.suggestedBy} AND created_at > ${since}) < ${SUGGESTIONS_PER_WINDOW}`
        : sql`1`;
      return [
        // ON CONFLICT: an open topic with the same key (even one inserted a moment ago) wins.
        sql`
          INSERT INTO topics (community_id, title, title_key, details, suggested_by, source, created_at, updated_at)
          SELECT ${communityId}, ${effect.title}, ${effect.titleKey}, ${effect.details}, ${effect.suggestedBy},
                 ${effect.source}, ${at}, ${at}
          WHERE ${brake}
          ON CONFLICT DO NOTHING`.compile(db),
        voteQuery(db, communityId, effect.voter, at, sql`title_key = ${effect.titleKey}`),
      ];
    }
    case "topic.vote":
      return [voteQuery(db, communityId, effect.userId, at, sql`id = ${effect.topicId}`)];
    case "topic.unvote":
      return [
        db
          .deleteFrom("topic_votes")
          .where("community_id", "=", communityId)
          .where("topic_id", "=", effect.topicId)
          .where("user_id", "=", effect.userId)
          .compile(),
      ];
    case "topic.pin":
      return [
        sql`
          UPDATE topics SET pinned = (id = ${effect.topicId}), updated_at = ${at}
          WHERE community_id = ${communityId} AND (pinned = 1 OR id = ${effect.topicId})
            AND EXISTS (SELECT 1 FROM topics o WHERE o.id = ${effect.topicId}
                          AND o.community_id = ${communityId} AND o.status = 'open')`.compile(db),
      ];
    case "topic.retire":
      return [
        db
          .updateTable("topics")
          .set({ status: "retired", pinned: 0, updated_at: at })
          .where("community_id", "=", communityId)
          .where("id", "=", effect.topicId)
          .where("status", "=", "open")
          .compile(),
      ];
    case "topic.edit":
      return [
        sql`
          UPDATE topics SET title = ${effect.title}, title_key = ${effect.titleKey}, updated_at = ${at}
          WHERE community_id = ${communityId} AND id = ${effect.topicId} AND status = 'open'
            AND NOT EXISTS (SELECT 1 FROM topics o WHERE o.community_id = ${communityId}
                              AND o.title_key = ${effect.titleKey} AND o.status = 'open'
                              AND o.id <> ${effect.topicId})`.compile(db),
      ];
  }
}
