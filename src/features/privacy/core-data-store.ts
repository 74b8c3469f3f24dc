import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * What core's own tables keep about a member: form drafts, DM channels, outbox messages, audit
 * rows, delivery blocks, an install they made and the `members` row itself. Listed last by the
 * engine: the row's status trigger (migration 0013) must find the rotation tally already renamed.
 *
 * Text columns that may embed the id (payloads, audit details, keys) get `replace(…)`; real ids
 * are long (Slack `U…` 9–11 characters, Discord snowflakes 17–20 digits), so one id inside
 * another does not happen in practice.
 */
export const coreMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const drafts = await db
      .selectFrom("form_drafts")
      .select(["form_id", "answers", "updated_at"])
      .where("community_id", "=", communityId)
      .where("user_id", "=", userId)
      .execute();
    const messages = await db
      .selectFrom("outbox")
      .select(["kind", "status", "created_at"])
      .where("community_id", "=", communityId)
      .where("target", "=", userId)
      .orderBy("id")
      .execute();
    return {
      formDrafts: drafts.map((d) => ({
        form: d.form_id,
        answers: JSON.parse(d.answers) as unknown,
        at: d.updated_at,
      })),
      messagesToYou: messages.map((m) => ({ kind: m.kind, status: m.status, at: m.created_at })),
    };
  },
  forget(db, communityId, { memberId, userId }, placeholder, now) {
    const c = communityId;
    const has = (column: string) => sql`community_id = ${c} AND instr(${sql.ref(column)}, ${userId}) > 0`;
    const swap = (column: string) =>
      sql`${sql.ref(column)} = replace(${sql.ref(column)}, ${userId}, ${placeholder})`;
    const at = now.toISOString();
    return [
      sql`DELETE FROM form_drafts WHERE community_id = ${c} AND user_id = ${userId}`.compile(db),
      sql`DELETE FROM dm_channels WHERE community_id = ${c} AND user_id = ${userId}`.compile(db),
      // Messages to them (pending or not: a sent one still holds what was said to them).
      sql`DELETE FROM outbox WHERE community_id = ${c} AND target = ${userId}`.compile(db),
      sql`UPDATE outbox SET ${swap("idempotency_key")}, ${swap("payload")},
            fallback = replace(fallback, ${userId}, ${placeholder}),
            last_error = replace(last_error, ${userId}, ${placeholder})
          WHERE ${has("idempotency_key")} OR ${has("payload")} OR ${has("fallback")} OR ${has("last_error")}`.compile(
        db,
      ),
      sql`UPDATE delivery_blocks SET ${swap("scope")} WHERE ${has("scope")}`.compile(db),
      sql`UPDATE job_runs SET ${swap("period")}, detail = replace(detail, ${userId}, ${placeholder})
          WHERE ${has("period")} OR ${has("detail")}`.compile(db),
      sql`UPDATE installations SET installer_user_id = NULL
          WHERE community_id = ${c} AND installer_user_id = ${userId}`.compile(db),
      sql`UPDATE members SET platform_user_id = ${placeholder}, display_name = NULL, status = 'alumni',
            is_moderator = 0, platform_admin = NULL, platform_admin_checked_at = NULL,
            left_at = coalesce(left_at, ${at}), left_reason = 'self', last_active_on = NULL,
            nudges_opt_out = 0, updated_at = ${at}
          WHERE community_id = ${c} AND id = ${memberId}`.compile(db),
    ];
  },
};
