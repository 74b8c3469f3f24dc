import type { CompiledQuery } from "kysely";
import type { Community, Effect } from "../core/model.ts";
import type { AuditEntry, CommunityStore } from "../core/ports.ts";
import { type Db, runBatch } from "./client.ts";
import {
  contactFromRow,
  findContactQuery,
  insertCommunityQuery,
  upsertActiveMemberQuery,
} from "./communities.ts";
import { memberFromRow } from "./mappers.ts";
import { cachePlatformAdminQuery, listModeratorRows, setModeratorQuery } from "./members.ts";

/** The D1 implementation of core's `CommunityStore`. */
export function createCommunityStore(db: Db, d1: D1Database): CommunityStore {
  return {
    async find(contact) {
      return contactFromRow(await findContactQuery(db, contact).executeTakeFirst());
    },

    async register(contact, today, now) {
      // Insert-if-new, upsert member, and read back: one batch, one round trip, idempotent.
      const results = await runBatch(d1, [
        insertCommunityQuery(db, contact, now).compile(),
        upsertActiveMemberQuery(db, contact, today, now).compile(),
        findContactQuery(db, contact).compile(),
      ]);
      const rows = results[2]?.results as Parameters<typeof contactFromRow>[0][] | undefined;
      const { community, member } = contactFromRow(rows?.[0]);
      if (!community || !member) throw new Error("registration did not produce a community and member");
      return { community, member };
    },

    async cachePlatformAdmin(memberId, isAdmin, now) {
      await cachePlatformAdminQuery(db, memberId, isAdmin, now).execute();
    },

    async listModerators(communityId) {
      return (await listModeratorRows(db, communityId)).map(memberFromRow);
    },

    async apply(community, effects, audit, now) {
      const queries = effects.map((effect) => effectQuery(db, community, effect, now));
      if (audit) queries.push(auditQuery(db, community, audit, now));
      await runBatch(d1, queries);
    },
  };
}

function effectQuery(db: Db, community: Community, effect: Effect, now: Date): CompiledQuery {
  const at = now.toISOString();
  switch (effect.type) {
    case "community.locale":
      return db
        .updateTable("communities")
        .set({ locale: effect.locale, updated_at: at })
        .where("id", "=", community.id)
        .compile();
    case "community.moderatorRole":
      return db
        .updateTable("communities")
        .set({ moderator_role_id: effect.roleId, updated_at: at })
        .where("id", "=", community.id)
        .compile();
    case "moderator.grant":
      return setModeratorQuery(db, community.id, effect.userId, true, now).compile();
    case "moderator.revoke":
      return setModeratorQuery(db, community.id, effect.userId, false, now).compile();
  }
}

function auditQuery(db: Db, community: Community, audit: AuditEntry, now: Date): CompiledQuery {
  return db
    .insertInto("audit_log")
    .values({
      community_id: community.id,
      actor_member_id: audit.actorMemberId,
      action: audit.action,
      detail: JSON.stringify(audit.detail),
      created_at: now.toISOString(),
    })
    .compile();
}
