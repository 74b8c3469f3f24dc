import type { Db } from "../../db/client.ts";
import type { RotationReads } from "./reads.ts";

/** Swap requests and member names, the rotation reads beyond the book (store.ts). */
export function swapReads(db: Db): Pick<RotationReads, "swapRequest" | "names"> {
  return {
    async swapRequest(communityId, day, fromUser, toUser) {
      const row = await db
        .selectFrom("swap_requests")
        .select(["status", "created_at"])
        .where("community_id", "=", communityId)
        .where("meeting_day", "=", day)
        .where("from_user", "=", fromUser)
        .where("to_user", "=", toUser)
        .executeTakeFirst();
      return row ? { status: row.status, createdAt: new Date(row.created_at) } : null;
    },

    async names(communityId, userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom("members")
        .select(["platform_user_id", "display_name"])
        .where("community_id", "=", communityId)
        .where("platform_user_id", "in", userIds.slice(0, 90)) // D1: 100 bound parameters
        .where("display_name", "is not", null)
        .execute();
      return new Map(rows.map((r) => [r.platform_user_id, r.display_name ?? r.platform_user_id]));
    },
  };
}
