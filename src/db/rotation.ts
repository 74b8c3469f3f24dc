import type { RotationBook, RotationReads } from "../core/rotation/ports.ts";
import type { LedgerEntry, RotationMember } from "../core/rotation/types.ts";
import type { Db } from "./client.ts";
import { swapReads } from "./rotation-swaps.ts";

/** Reads the rotation of a community: members, ledger, aways and settings (four reads at once). */
export function createRotationReads(db: Db): RotationReads {
  return {
    ...swapReads(db),
    async book(communityId): Promise<RotationBook> {
      const [community, members, ledger, aways] = await Promise.all([
        db
          .selectFrom("communities")
          .select(["rotation_mode", "timezone", "announce_days", "remind_day", "remind_hour", "timezone_set"])
          .where("id", "=", communityId)
          .executeTakeFirst(),
        db
          .selectFrom("members as m")
          .leftJoin("profiles as p", "p.member_id", "m.id")
          .leftJoin("rotation_members as r", (join) =>
            join.onRef("r.community_id", "=", "m.community_id").onRef("r.user_id", "=", "m.platform_user_id"),
          )
          .select([
            "m.platform_user_id",
            "m.joined_at",
            "m.status",
            "m.founder",
            "p.answered_at",
            "r.opted_in",
            "r.excluded",
          ])
          .where("m.community_id", "=", communityId)
          .orderBy("m.id")
          .execute(),
        db
          .selectFrom("rotation_ledger")
          .select(["kind", "meeting_day", "member_id", "other_member_id", "reason"])
          .where("community_id", "=", communityId)
          .orderBy("id")
          .execute(),
        db
          .selectFrom("rotation_aways")
          .select(["user_id", "from_day", "to_day"])
          .where("community_id", "=", communityId)
          .execute(),
      ]);
      return {
        state: {
          mode: community?.rotation_mode ?? "everyone",
          timezone: community?.timezone ?? "UTC",
          members: members.map(
            (m): RotationMember => ({
              id: m.platform_user_id,
              joinedAt: m.joined_at,
              answeredIntroAt: m.answered_at,
              // Paused members and those a moderator took out drop out like alumni; history stays.
              status: m.status === "active" && m.excluded !== 1 ? "active" : "alumni",
              optedIn: m.opted_in === 1,
              founder: m.founder === 1,
            }),
          ),
          ledger: ledger.map((e) => {
            const entry: LedgerEntry = { kind: e.kind, meetingDate: e.meeting_day, reason: e.reason };
            if (e.member_id !== null) entry.memberId = e.member_id;
            if (e.other_member_id !== null) entry.otherMemberId = e.other_member_id;
            return entry;
          }),
          aways: aways.map((a) => ({ memberId: a.user_id, from: a.from_day, to: a.to_day })),
        },
        settings: {
          announceDays: community?.announce_days ?? 3,
          remindDay: community?.remind_day !== 0,
          remindHour: community?.remind_hour !== 0,
          timezoneSet: community?.timezone_set === 1,
        },
      };
    },
  };
}
