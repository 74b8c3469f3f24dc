import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * A member's rotation choices, away ranges, swaps and turns. Choices and away ranges are theirs
 * (deleted); the ledger, the tally and swaps are the community's history (kept under the
 * placeholder, the notes of their turns erased). The tally is renamed before the `members` row
 * changes, so the row's status trigger finds it under the placeholder.
 */
export const rotationMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const choice = await db
      .selectFrom("rotation_members")
      .select(["opted_in", "excluded", "updated_at"])
      .where("community_id", "=", communityId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    const turns = await db
      .selectFrom("rotation_ledger")
      .select(["kind", "meeting_day", "member_id", "other_member_id", "reason", "notes"])
      .where("community_id", "=", communityId)
      .where((eb) => eb.or([eb("member_id", "=", userId), eb("other_member_id", "=", userId)]))
      .orderBy("id")
      .execute();
    const aways = await db
      .selectFrom("rotation_aways")
      .select(["from_day", "to_day"])
      .where("community_id", "=", communityId)
      .where("user_id", "=", userId)
      .orderBy("from_day")
      .execute();
    const swaps = await db
      .selectFrom("swap_requests")
      .select(["meeting_day", "from_user", "to_user", "status", "created_at"])
      .where("community_id", "=", communityId)
      .where((eb) => eb.or([eb("from_user", "=", userId), eb("to_user", "=", userId)]))
      .orderBy("id")
      .execute();
    const tally = await db
      .selectFrom("rotation_tally")
      .select(["hosted", "owed", "passed", "last_hosted"])
      .where("community_id", "=", communityId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return {
      choice: choice
        ? { optedIn: choice.opted_in === 1, excluded: choice.excluded === 1, at: choice.updated_at }
        : null,
      turns: turns.map((t) => ({
        kind: t.kind,
        day: t.meeting_day,
        yours: t.member_id === userId,
        reason: t.reason,
        notes: t.member_id === userId ? t.notes : null,
      })),
      away: aways.map((a) => ({ from: a.from_day, to: a.to_day })),
      swaps: swaps.map((s) => ({
        day: s.meeting_day,
        asked: s.from_user === userId,
        status: s.status,
        at: s.created_at,
      })),
      tally: tally ?? null,
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    const where = (column: string) => sql`community_id = ${communityId} AND ${sql.ref(column)} = ${userId}`;
    return [
      sql`DELETE FROM rotation_members WHERE ${where("user_id")}`.compile(db),
      sql`DELETE FROM rotation_aways WHERE ${where("user_id")}`.compile(db),
      sql`UPDATE rotation_ledger SET notes = NULL, member_id = ${placeholder} WHERE ${where("member_id")}`.compile(
        db,
      ),
      sql`UPDATE rotation_ledger SET other_member_id = ${placeholder} WHERE ${where("other_member_id")}`.compile(
        db,
      ),
      sql`UPDATE rotation_ledger SET recorded_by = ${placeholder} WHERE ${where("recorded_by")}`.compile(db),
      sql`UPDATE swap_requests SET from_user = ${placeholder} WHERE ${where("from_user")}`.compile(db),
      sql`UPDATE swap_requests SET to_user = ${placeholder} WHERE ${where("to_user")}`.compile(db),
      sql`UPDATE rotation_tally SET user_id = ${placeholder}, in_pool = 0, opted_in = 0 WHERE ${where("user_id")}`.compile(
        db,
      ),
    ];
  },
};
