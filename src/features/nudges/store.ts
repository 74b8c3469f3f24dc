import { type CompiledQuery, sql } from "kysely";
import { unreadActivityChannels } from "../../db/activity-channels.ts";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { nudgesMemberData } from "./member-data-store.ts";
import {
  type MemberNudgeState,
  NUDGE_DEFAULTS,
  type NudgeEffect,
  type NudgeReads,
  type NudgeSettings,
} from "./ports.ts";
import { quietReport } from "./scan-store.ts";

/** A community's nudge settings: its row, or the defaults. */
/** Nudges' store part (listed in src/features/server.ts). */
export const nudgesStore = featureStore({
  name: "nudges",
  reads: createNudgeReads,
  effectTypes: ["nudge.preference", "nudge.snooze", "nudge.settings"],
  effectQueries: nudgeEffectQueries,
  communityTables: ["member_nudges", "nudge_settings"],
  memberData: nudgesMemberData,
});

export async function readNudgeSettings(db: Db, communityId: number): Promise<NudgeSettings> {
  const row = await db
    .selectFrom("nudge_settings")
    .selectAll()
    .where("community_id", "=", communityId)
    .executeTakeFirst();
  if (!row) return NUDGE_DEFAULTS;
  return {
    quietDays: row.quiet_days,
    cooldownDays: row.cooldown_days,
    perDay: row.per_day,
    paused: row.paused === 1,
  };
}

/** Nudge reads for commands and buttons (never cached: a preference counts at once). */
export function createNudgeReads(db: Db): NudgeReads {
  return {
    settings: (communityId) => readNudgeSettings(db, communityId),
    async member(communityId, platformUserId): Promise<MemberNudgeState | null> {
      const row = await db
        .selectFrom("members as m")
        .leftJoin("member_nudges as n", "n.member_id", "m.id")
        .select(["m.nudges_opt_out", "n.snoozed_until", "n.last_nudged_at"])
        .where("m.community_id", "=", communityId)
        .where("m.platform_user_id", "=", platformUserId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        optedOut: row.nudges_opt_out === 1,
        snoozedUntil: row.snoozed_until ?? null,
        lastNudgedAt: row.last_nudged_at ? new Date(row.last_nudged_at) : null,
      };
    },
    quiet: (window, limit) => quietReport(db, window, limit),
    unreadChannels: (communityId) => unreadActivityChannels(db, communityId),
  };
}

/** Statements for one nudge effect, run by `store.apply` in its batch. None returns an `id`. */
export function nudgeEffectQueries(
  db: Db,
  communityId: number,
  effect: NudgeEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const member = (userId: string) =>
    sql<number>`(SELECT id FROM members WHERE community_id = ${communityId} AND platform_user_id = ${userId})`;
  switch (effect.type) {
    case "nudge.preference":
      return [
        db
          .updateTable("members")
          .set({ nudges_opt_out: effect.optedOut ? 1 : 0, updated_at: at })
          .where("community_id", "=", communityId)
          .where("platform_user_id", "=", effect.userId)
          .compile(),
        // Turning nudges back on also ends a snooze: "on" means on.
        ...(effect.optedOut
          ? []
          : [
              db
                .updateTable("member_nudges")
                .set({ snoozed_until: null, updated_at: at })
                .where("member_id", "=", member(effect.userId))
                .compile(),
            ]),
      ];
    case "nudge.snooze":
      return [
        db
          .insertInto("member_nudges")
          .columns(["member_id", "community_id", "snoozed_until", "updated_at"])
          .expression(
            db
              .selectFrom("members")
              .select([
                "id",
                "community_id",
                sql.val(effect.until).as("snoozed_until"),
                sql.val(at).as("updated_at"),
              ])
              .where("community_id", "=", communityId)
              .where("platform_user_id", "=", effect.userId),
          )
          .onConflict((oc) =>
            oc.column("member_id").doUpdateSet({ snoozed_until: effect.until, updated_at: at }),
          )
          .compile(),
      ];
    case "nudge.settings": {
      const { quietDays, cooldownDays, perDay, paused } = effect;
      const values = {
        quiet_days: quietDays ?? NUDGE_DEFAULTS.quietDays,
        cooldown_days: cooldownDays ?? NUDGE_DEFAULTS.cooldownDays,
        per_day: perDay ?? NUDGE_DEFAULTS.perDay,
        paused: paused ? 1 : 0,
      };
      // Fields left out keep their stored value (the defaults only fill a new row).
      const changed = {
        ...(quietDays === undefined ? {} : { quiet_days: quietDays }),
        ...(cooldownDays === undefined ? {} : { cooldown_days: cooldownDays }),
        ...(perDay === undefined ? {} : { per_day: perDay }),
        ...(paused === undefined ? {} : { paused: paused ? 1 : 0 }),
        updated_at: at,
      };
      return [
        db
          .insertInto("nudge_settings")
          .values({ community_id: communityId, ...values, updated_at: at })
          .onConflict((oc) => oc.column("community_id").doUpdateSet(changed))
          .compile(),
      ];
    }
  }
}
