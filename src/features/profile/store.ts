import { type CompiledQuery, type Selectable, sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { BENEFITS, type Profile } from "./answers.ts";
import { profileMemberData } from "./member-data-store.ts";
import type { ProfileEffect, ProfileStore, SearchHit } from "./ports.ts";
import type { ProfilesTable } from "./schema.ts";
import { HIT_END, HIT_START } from "./search.ts";

// JSON columns are a boundary too: parse them, never trust them.
const benefitsJson = z.array(z.enum(BENEFITS));
const aboutJson = z.object({ does: z.string(), shares: z.string(), needs: z.string() });

function profileFromRow(row: Selectable<ProfilesTable>): Profile {
  const benefits = benefitsJson.safeParse(JSON.parse(row.benefits));
  return {
    memberId: row.member_id,
    does: row.does,
    shares: row.shares,
    needs: row.needs,
    benefits: benefits.success ? benefits.data : [],
    frequency: row.frequency,
    introConsent: row.intro_consent === 1,
    findable: row.findable === 1,
    answeredAt: new Date(row.answered_at),
    updatedAt: new Date(row.updated_at),
  };
}

const profileColumns = [
  "p.id",
  "p.community_id",
  "p.member_id",
  "p.does",
  "p.shares",
  "p.needs",
  "p.benefits",
  "p.frequency",
  "p.intro_consent",
  "p.findable",
  "p.answered_at",
  "p.updated_at",
] as const;

/**
 * Profile's store part (listed in src/features/server.ts), under the key `ctx.store.profiles`
 * has always had; a profile's rows go before the member they point at.
 */
export const profilesStore = featureStore({
  name: "profiles",
  reads: createProfileStore,
  effectTypes: ["profile.save", "profile.draft"],
  effectQueries: profileEffectQueries,
  communityTables: ["profiles", "profile_drafts"],
  memberData: profileMemberData,
});

/** The D1 implementation of core's `ProfileStore`. */
export function createProfileStore(db: Db): ProfileStore {
  return {
    async introState(communityId, memberId) {
      // One statement: the community's main channel, the profile and the draft, if any.
      const row = await db
        .selectFrom("communities as c")
        .leftJoin("profiles as p", (join) =>
          join.onRef("p.community_id", "=", "c.id").on("p.member_id", "=", memberId),
        )
        .leftJoin("profile_drafts as d", (join) =>
          join.onRef("d.community_id", "=", "c.id").on("d.member_id", "=", memberId),
        )
        .select(["c.main_channel_id", "d.answers as draft", "d.updated_at as draft_at", ...profileColumns])
        .where("c.id", "=", communityId)
        .executeTakeFirst();
      if (!row) return { profile: null, draft: null, mainChannelId: null };
      const draft = row.draft ? aboutJson.safeParse(JSON.parse(row.draft)) : null;
      return {
        mainChannelId: row.main_channel_id,
        profile: row.id === null ? null : profileFromRow(row as Selectable<ProfilesTable>),
        draft:
          draft?.success && row.draft_at ? { answers: draft.data, updatedAt: new Date(row.draft_at) } : null,
      };
    },

    async byUser(communityId, platformUserId) {
      const row = await db
        .selectFrom("members as m")
        .leftJoin("profiles as p", "p.member_id", "m.id")
        .select(["m.platform_user_id", "m.display_name", "m.status", ...profileColumns])
        .where("m.community_id", "=", communityId)
        .where("m.platform_user_id", "=", platformUserId)
        .executeTakeFirst();
      if (!row) return { owner: null, profile: null };
      return {
        owner: { platformUserId: row.platform_user_id, displayName: row.display_name, status: row.status },
        profile: row.id === null ? null : profileFromRow(row as Selectable<ProfilesTable>),
      };
    },

    async search(communityId, match, limit) {
      // bm25 weights: what a member can share counts twice what they do. Consent and alumni are
      // filtered here, in the one query that can show a member to others.
      const result = await sql<SearchHit>`
        SELECT m.platform_user_id AS platformUserId, m.display_name AS displayName,
               snippet(profiles_fts, -1, ${HIT_START}, ${HIT_END}, '…', 10) AS snippet
        FROM profiles_fts
        JOIN profiles p ON p.id = profiles_fts.rowid
        JOIN members m ON m.id = p.member_id
        WHERE profiles_fts MATCH ${match}
          AND p.community_id = ${communityId}
          AND p.findable = 1
          AND m.status <> 'alumni'
        ORDER BY bm25(profiles_fts, 2.0, 1.0), p.id
        LIMIT ${limit}`.execute(db);
      return result.rows;
    },
  };
}

/** The statements for a profile effect, for `store.apply`'s one batch. */
export function profileEffectQueries(
  db: Db,
  communityId: number,
  effect: ProfileEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const dropDraft = db
    .deleteFrom("profile_drafts")
    .where("member_id", "=", effect.memberId)
    .where("community_id", "=", communityId)
    .compile();
  if (effect.type === "profile.draft") {
    const answers = JSON.stringify(effect.answers);
    return [
      db
        .insertInto("profile_drafts")
        .values({ member_id: effect.memberId, community_id: communityId, answers, updated_at: at })
        .onConflict((oc) => oc.column("member_id").doUpdateSet({ answers, updated_at: at }))
        .compile(),
    ];
  }
  const { answers } = effect;
  const values = {
    does: answers.does,
    shares: answers.shares,
    needs: answers.needs,
    benefits: JSON.stringify(answers.benefits),
    frequency: answers.frequency,
    intro_consent: answers.introConsent ? 1 : 0,
    findable: answers.findable ? 1 : 0,
    updated_at: at,
  };
  return [
    db
      .insertInto("profiles")
      .values({ community_id: communityId, member_id: effect.memberId, answered_at: at, ...values })
      // answered_at stays the first save's: the moment the member introduced themselves.
      .onConflict((oc) => oc.columns(["community_id", "member_id"]).doUpdateSet(values))
      .compile(),
    dropDraft,
  ];
}
