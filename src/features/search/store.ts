import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { HIT_END, HIT_START } from "../profile/search.ts";
import type { KnowledgeHit, KnowledgeKind, SearchReads } from "./ports.ts";

/**
 * Search's store part (listed in src/features/server.ts): reads only. The tables it reads are the
 * memory feature's and the topics' (migration 0020 and 0008); their rows are erased with theirs.
 */
export const searchStore = featureStore({
  name: "search",
  reads: createSearchReads,
  effectTypes: [],
  effectQueries: undefined,
  communityTables: [],
});

interface Row {
  kind: KnowledgeKind;
  number: number;
  snippet: string;
  detail: string | null;
  url: string | null;
  assignee: string | null;
  topicTitle: string | null;
  meetingDay: string | null;
  workspace: string;
  recordChannel: string | null;
  recordMessage: string | null;
  announceChannel: string | null;
  announceMessage: string | null;
}

/** The D1 implementation of `SearchReads`. */
export function createSearchReads(db: Db): SearchReads {
  return {
    async find(communityId, match, limit) {
      const { rows } = await searchQuery(communityId, match, limit).execute(db);
      return rows.map(hitFromRow);
    },
  };
}

// The latest meeting a topic was (or is) the topic of.
const topicDay = (topic: string) =>
  sql.raw(`(SELECT max(mt.meeting_day) FROM meeting_topics mt
             WHERE mt.topic_id = ${topic}.id AND mt.community_id = ${topic}.community_id)`);
// A topic a moderator retired left the backlog (it may have been unwelcome): it is found only if
// a meeting was held on it, whose record stands. Archived topics (aged out) stay findable.
const findableTopic = (topic: string) =>
  sql.raw(`(${topic}.status <> 'retired' OR EXISTS (SELECT 1 FROM meeting_topics mt
             WHERE mt.topic_id = ${topic}.id AND mt.community_id = ${topic}.community_id))`);

/**
 * One statement: the best `limit` hits of the three indexes together (bm25, lower is better;
 * topic titles weigh twice their details), then each hit's meeting record or announcement, sent
 * (outbox `record:<day>`, `announce:<day>`, both by the unique key).
 */
function searchQuery(communityId: number, match: string, limit: number) {
  return sql<Row>`
    WITH hits AS (
      SELECT e.kind AS kind, e.number AS number,
             snippet(meeting_entries_fts, 0, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet,
             NULL AS detail, e.url AS url, e.assignee AS assignee, NULL AS topicTitle,
             e.meeting_day AS meetingDay,
             bm25(meeting_entries_fts) AS rank
      FROM meeting_entries_fts JOIN meeting_entries e ON e.id = meeting_entries_fts.rowid
      WHERE meeting_entries_fts MATCH ${match} AND e.community_id = ${communityId}
      UNION ALL
      SELECT 'topic', t.id, highlight(topics_fts, 0, ${HIT_START}, ${HIT_END}),
             snippet(topics_fts, 1, ${HIT_START}, ${HIT_END}, '…', 12), NULL, NULL, NULL, ${topicDay("t")},
             bm25(topics_fts, 2.0, 1.0)
      FROM topics_fts JOIN topics t ON t.id = topics_fts.rowid
      WHERE topics_fts MATCH ${match} AND t.community_id = ${communityId} AND ${findableTopic("t")}
      UNION ALL
      SELECT 'topicResource', t.id, highlight(topic_resources_fts, 0, ${HIT_START}, ${HIT_END}),
             NULL, r.url, NULL, t.title, ${topicDay("t")}, bm25(topic_resources_fts)
      FROM topic_resources_fts JOIN topic_resources r ON r.id = topic_resources_fts.rowid
      JOIN topics t ON t.id = r.topic_id
      WHERE topic_resources_fts MATCH ${match} AND r.community_id = ${communityId} AND ${findableTopic("t")}
      ORDER BY rank, meetingDay DESC, number
      LIMIT ${limit}
    )
    SELECT h.kind, h.number, h.snippet, h.detail, h.url, h.assignee, h.topicTitle, h.meetingDay,
           (SELECT workspace_id FROM communities WHERE id = ${communityId}) AS workspace,
           rec.platform_channel_id AS recordChannel, rec.platform_message_id AS recordMessage,
           ann.platform_channel_id AS announceChannel, ann.platform_message_id AS announceMessage
    FROM hits h
    LEFT JOIN outbox rec ON rec.community_id = ${communityId}
      AND rec.idempotency_key = 'record:' || h.meetingDay AND rec.kind = 'post'
    LEFT JOIN outbox ann ON ann.community_id = ${communityId}
      AND ann.idempotency_key = 'announce:' || h.meetingDay AND ann.kind = 'post'
    ORDER BY h.rank, h.meetingDay DESC, h.number`;
}

function hitFromRow(row: Row): KnowledgeHit {
  const ref = (channel: string | null, id: string | null) =>
    channel && id ? { workspace: row.workspace, channel, id } : null;
  const record = ref(row.recordChannel, row.recordMessage);
  const announcement = ref(row.announceChannel, row.announceMessage);
  return {
    kind: row.kind,
    number: row.number,
    snippet: row.snippet,
    // Details are shown only where the words were found in them.
    detail: row.detail?.includes(HIT_START) ? row.detail : null,
    url: row.url,
    assignee: row.assignee,
    topicTitle: row.topicTitle,
    meetingDay: row.meetingDay,
    record: record
      ? { ref: record, kind: "record" }
      : announcement
        ? { ref: announcement, kind: "announcement" }
        : null,
  };
}
