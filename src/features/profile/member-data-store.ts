import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * A member's profile, its search index row and a half-filled Discord intro form. Deleting the
 * profile deletes its index row (the trigger of migration 0004); `optimize` then merges the
 * index's segments, since FTS5 otherwise keeps the deleted words in older segments until a merge.
 */
export const profileMemberData: MemberData = {
  async export(db, communityId, { memberId }) {
    const profile = await db
      .selectFrom("profiles")
      .select([
        "does",
        "shares",
        "needs",
        "benefits",
        "frequency",
        "intro_consent",
        "findable",
        "answered_at",
        "updated_at",
      ])
      .where("community_id", "=", communityId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    const draft = await db
      .selectFrom("profile_drafts")
      .select(["answers", "updated_at"])
      .where("community_id", "=", communityId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    return {
      profile: profile
        ? {
            does: profile.does,
            shares: profile.shares,
            needs: profile.needs,
            benefits: JSON.parse(profile.benefits) as unknown,
            frequency: profile.frequency,
            introConsent: profile.intro_consent === 1,
            findable: profile.findable === 1,
            answeredAt: profile.answered_at,
            updatedAt: profile.updated_at,
          }
        : null,
      unfinishedIntro: draft
        ? { answers: JSON.parse(draft.answers) as unknown, updatedAt: draft.updated_at }
        : null,
    };
  },
  forget(db, communityId, { memberId }) {
    return [
      sql`DELETE FROM profiles WHERE community_id = ${communityId} AND member_id = ${memberId}`.compile(db),
      sql`DELETE FROM profile_drafts WHERE community_id = ${communityId} AND member_id = ${memberId}`.compile(
        db,
      ),
      sql`INSERT INTO profiles_fts (profiles_fts) VALUES ('optimize')`.compile(db),
    ];
  },
};
