import { type CompiledQuery, sql } from "kysely";
import { DIGEST_LIST_MAX, type DigestWindow } from "../../core/digest/section.ts";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { kudosMemberData } from "./member-data-store.ts";
import { KUDOS_PER_DAY, type KudosEffect, type KudosReads, type KudosWeek } from "./ports.ts";

/** Kudos's store part (listed in src/features/server.ts). */
export const kudosStore = featureStore({
  name: "kudos",
  reads: createKudosReads,
  effectTypes: ["kudos.give"],
  effectQueries: kudosEffectQueries,
  communityTables: ["kudos"],
  digestWeek: readKudosWeek,
  memberData: kudosMemberData,
});

/** The week's kudos for the digest: the first few and the count, both over the created_at index range. */
async function readKudosWeek(db: Db, communityId: number, w: DigestWindow): Promise<KudosWeek> {
  const kudos = db
    .selectFrom("kudos")
    .where("community_id", "=", communityId)
    .where("created_at", ">=", w.from.toISOString())
    .where("created_at", "<", w.to.toISOString());
  const [items, count] = await Promise.all([
    kudos.select(["from_user", "to_user", "reason"]).orderBy("created_at").limit(DIGEST_LIST_MAX).execute(),
    kudos.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  return {
    items: items.map((k) => ({ from: k.from_user, to: k.to_user, reason: k.reason })),
    total: Number(count?.n ?? 0),
  };
}

/** Kudos reads over D1. */
export function createKudosReads(db: Db): KudosReads {
  return {
    async givenOn(communityId, fromUser, day) {
      const row = await db
        .selectFrom("kudos")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("community_id", "=", communityId)
        .where("from_user", "=", fromUser)
        .where("given_on", "=", day)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async stored(communityId, postKey) {
      const row = await db
        .selectFrom("kudos")
        .select("id")
        .where("community_id", "=", communityId)
        .where("post_key", "=", postKey)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

/**
 * The kudos row and its post, in the caller's batch. The daily limit is counted inside the
 * INSERT … SELECT … WHERE (count) < limit, so two racing commands cannot both add the 11th; the
 * post is inserted only if the row with its key exists, so a refused kudos posts nothing.
 */
export function kudosEffectQueries(
  db: Db,
  communityId: number,
  effect: KudosEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const { draft } = effect;
  return [
    sql`INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
        SELECT ${communityId}, ${effect.from}, ${effect.to}, ${effect.reason}, ${draft.channelId},
               ${effect.day}, ${draft.key}, ${at}
        WHERE (SELECT count(*) FROM kudos WHERE community_id = ${communityId}
               AND from_user = ${effect.from} AND given_on = ${effect.day}) < ${KUDOS_PER_DAY}
        ON CONFLICT (community_id, post_key) DO NOTHING`.compile(db),
    sql`INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, created_at, updated_at)
        SELECT ${communityId}, ${draft.key}, 'post', ${draft.channelId},
               ${JSON.stringify({ message: draft.message })}, ${at}, ${at}
        WHERE EXISTS (SELECT 1 FROM kudos WHERE community_id = ${communityId} AND post_key = ${draft.key})
        ON CONFLICT (community_id, idempotency_key) DO NOTHING
        RETURNING id`.compile(db),
  ];
}
