import { type CompiledQuery, sql } from "kysely";
import { DIGEST_LIST_MAX, type ReadFeatureWeeks } from "../../core/digest/section.ts";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { writeDraftQueries } from "../../db/outbox.ts";
import { FEATURES } from "../index.ts";
import { createMeetingDayReads } from "../meetings/days-store.ts";
import { createMeetingReads } from "../meetings/store.ts";
import { createRotationReads } from "../rotation/store.ts";
import type { DigestEffect, DigestReads, DigestWeek, DigestWindow } from "./ports.ts";
import { readHeldRecords } from "./records-store.ts";

/**
 * The digest's store part (listed in src/features/server.ts before the topics' parts: a digest's
 * topic rows point at their topics).
 */
export const digestStore = featureStore({
  name: "digest",
  reads: createDigestReads,
  effectTypes: ["digest.settings", "digest.post"],
  effectQueries: digestEffectQueries,
  communityTables: ["digest_topics"],
});

/** Names listed in a digest section before "and N more". */
const LIST_CAP = DIGEST_LIST_MAX;
const TOP_TOPICS = 5;

/** The features' digest sections, in `FEATURES` order (each places itself: `DigestSection.place`). */
const SECTIONS = FEATURES.flatMap((feature) => (feature.digest ? [feature.digest] : []));

/**
 * The digest's reads over D1. Each is one statement over an index range (migration 0010 adds the
 * member and topic indexes), so a digest costs the same for 100 members as for 100,000; they run
 * concurrently, with the features' weeks (`weeks`: every `FeatureStore.digestWeek`, src/db/store.ts).
 */
export function createDigestReads(db: Db, weeks: ReadFeatureWeeks): DigestReads {
  const meetings = createMeetingReads(db);
  return {
    async week(communityId, window, period) {
      const [own, features] = await Promise.all([
        readWeek(db, communityId, window, period),
        weeks(communityId, window),
      ]);
      return { ...own, sections: SECTIONS.map((section) => section.read(features)) };
    },
    meetings,
    rotation: createRotationReads(db),
    calendar: (communityId) => meetings.calendar(communityId),
    async meetingDay(communityId, scheduledDay) {
      const [ledger, topic, rsvps] = await Promise.all([
        createMeetingDayReads(db).dayLedger(communityId, scheduledDay),
        db
          .selectFrom("meeting_topics as mt")
          .innerJoin("topics as t", "t.id", "mt.topic_id")
          .select("t.title")
          .where("mt.community_id", "=", communityId)
          .where("mt.meeting_day", "=", scheduledDay)
          .executeTakeFirst(),
        db
          .selectFrom("meeting_rsvps")
          .select(["answer", (eb) => eb.fn.countAll<number>().as("n")])
          .where("community_id", "=", communityId)
          .where("meeting_day", "=", scheduledDay)
          .groupBy("answer")
          .execute(),
      ]);
      const count = (answer: string) => Number(rsvps.find((r) => r.answer === answer)?.n ?? 0);
      return {
        ledger,
        topic: topic?.title ?? null,
        rsvps: { yes: count("yes"), maybe: count("maybe"), no: count("no") },
      };
    },
    async settings(communityId) {
      const row = await db
        .selectFrom("communities")
        .select(["digest_weekday", "digest_minute", "digest_enabled", "main_channel_id"])
        .where("id", "=", communityId)
        .executeTakeFirst();
      return {
        weekday: row?.digest_weekday ?? 1,
        minute: row?.digest_minute ?? 480,
        enabled: row?.digest_enabled !== 0,
        mainChannelId: row?.main_channel_id ?? null,
      };
    },
    async posted(communityId, key) {
      const row = await db
        .selectFrom("outbox")
        .select("id")
        .where("community_id", "=", communityId)
        .where("idempotency_key", "=", key)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

async function readWeek(
  db: Db,
  communityId: number,
  w: DigestWindow,
  period: string,
): Promise<Omit<DigestWeek, "sections">> {
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
  const [held, active, newTopics, top, archived] = await Promise.all([
    db
      .selectFrom("rotation_ledger")
      .select(["meeting_day", "member_id", "notes"])
      .where("community_id", "=", communityId)
      .where("kind", "=", "hosted")
      .where("created_at", ">=", from)
      .where("created_at", "<", to)
      .orderBy("meeting_day")
      .execute(),
    db
      .selectFrom("members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("community_id", "=", communityId)
      .where("status", "=", "active")
      .where("last_active_on", ">=", w.fromDay)
      .executeTakeFirst(),
    db
      .selectFrom("topics")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("community_id", "=", communityId)
      .where("created_at", ">=", from)
      .where("created_at", "<", to)
      .executeTakeFirst(),
    db
      .selectFrom("topics as t")
      .leftJoin("topic_votes as v", "v.topic_id", "t.id")
      .select(["t.id", "t.title", (eb) => eb.fn.count<number>("v.user_id").as("votes")])
      .where("t.community_id", "=", communityId)
      .where("t.status", "=", "open")
      // Not one chosen for a meeting (discussed, or the next meeting's topic already).
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("meeting_topics as mt")
              .select("mt.topic_id")
              .where("mt.community_id", "=", communityId)
              .whereRef("mt.topic_id", "=", "t.id"),
          ),
        ),
      )
      // Not one the last two digests before this week's both showed: it rests this week.
      .where(
        sql<boolean>`(SELECT count(*) FROM digest_topics d WHERE d.community_id = ${communityId}
            AND d.topic_id = t.id AND d.period IN (SELECT DISTINCT period FROM digest_topics
              WHERE community_id = ${communityId} AND period < ${period} ORDER BY period DESC LIMIT 2)) < 2`,
      )
      .groupBy("t.id")
      // The order of `/cop topic list` (byVotes, src/features/topics/list.ts): pinned, votes, oldest.
      .orderBy("t.pinned", "desc")
      .orderBy("votes", "desc")
      .orderBy("t.id")
      .limit(TOP_TOPICS)
      .execute(),
    db
      .selectFrom("topics")
      .select(["id", "title"])
      .where("community_id", "=", communityId)
      .where("status", "=", "archived")
      .where("archive_reported", "=", 0)
      .orderBy("archived_at")
      .orderBy("id")
      .limit(LIST_CAP)
      .execute(),
  ]);
  return {
    held: await readHeldRecords(db, communityId, held),
    numbers: { activeMembers: count(active), meetingsHeld: held.length, newTopics: count(newTopics) },
    topTopics: top.map((t) => ({ id: t.id, title: t.title, votes: Number(t.votes) })),
    archived,
  };
}

/** The statements of a digest effect (store.apply runs them in its one batch). */
export function digestEffectQueries(
  db: Db,
  communityId: number,
  effect: DigestEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  if (effect.type === "digest.settings") {
    return [
      db
        .updateTable("communities")
        .set({
          ...(effect.weekday !== undefined ? { digest_weekday: effect.weekday } : {}),
          ...(effect.minute !== undefined ? { digest_minute: effect.minute } : {}),
          ...(effect.enabled !== undefined ? { digest_enabled: effect.enabled ? 1 : 0 } : {}),
          updated_at: at,
        })
        .where("id", "=", communityId)
        .compile(),
    ];
  }
  const queries = writeDraftQueries(db, communityId, effect.draft, now);
  const shown = effect.topics;
  if (shown && shown.ids.length > 0) {
    // Recorded only by the batch that wrote the post, as the archived topics below.
    queries.push(
      sql`INSERT OR IGNORE INTO digest_topics (community_id, period, topic_id)
          SELECT ${communityId}, ${shown.period}, value FROM json_each(${JSON.stringify(shown.ids)})
          WHERE EXISTS (SELECT 1 FROM outbox WHERE community_id = ${communityId}
                        AND idempotency_key = ${effect.draft.key} AND created_at = ${at})`.compile(db),
    );
  }
  if (effect.archivedTopicIds.length > 0) {
    // Reported only by the batch that wrote the post: a week's second attempt marks nothing.
    queries.push(
      sql`UPDATE topics SET archive_reported = 1, updated_at = ${at}
          WHERE community_id = ${communityId} AND status = 'archived'
            AND id IN (SELECT value FROM json_each(${JSON.stringify(effect.archivedTopicIds)}))
            AND EXISTS (SELECT 1 FROM outbox WHERE community_id = ${communityId}
                        AND idempotency_key = ${effect.draft.key} AND created_at = ${at})`.compile(db),
    );
  }
  return queries;
}
