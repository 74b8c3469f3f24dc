import type { CompiledQuery } from "kysely";
import { isActivityEffect } from "../core/activity/effects.ts";
import { DuplicateDeliveryError } from "../core/errors.ts";
import type { Community, Effect, FeatureEffects } from "../core/model.ts";
import type { AuditEntry, CommunityStore, FeatureReads } from "../core/ports.ts";
import { speakerWeekQuery } from "../features/dashboard/activity-weeks-store.ts";
import { FEATURE_STORES, readFeatureWeeks } from "../features/server.ts";
import { activityEffectQueries } from "./activity.ts";
import { type Db, runBatch } from "./client.ts";
import {
  contactFromRow,
  findContactQuery,
  findMemberByIdQuery,
  insertCommunityQuery,
  reviveQuery,
  upsertActiveMemberQuery,
} from "./communities.ts";
import { clearBlocksQueries, lossQueries } from "./delivery-blocks.ts";
import { deliveryReport } from "./delivery-report.ts";
import { type ForgetHasher, type ForgetSecrets, forgetHasher } from "./forgotten.ts";
import { memberFromRow } from "./mappers.ts";
import { cachePlatformAdminQuery, listModeratorRows, setModeratorQuery } from "./members.ts";
import { pendingIdsQuery, retryDeadQuery, writeDraftQueries } from "./outbox.ts";
import type { CommunityUpdate } from "./schema.ts";

/**
 * The D1 implementation of core's `CommunityStore`. `secrets` key the forgotten list's hashes
 * (src/db/forgotten.ts): the Worker passes its env; without them nobody can be forgotten.
 */
export function createCommunityStore(db: Db, d1: D1Database, secrets: ForgetSecrets = {}): CommunityStore {
  const forgotten = forgetHasher(secrets);
  return {
    async find(contact) {
      return contactFromRow(await findContactQuery(db, contact).executeTakeFirst());
    },

    async register(contact, today, now, options) {
      // Insert-if-new, upsert member, and read back: one batch, one round trip, idempotent.
      const results = await runBatch(d1, [
        insertCommunityQuery(db, contact, now).compile(),
        ...(options?.revive ? [reviveQuery(db, contact, forgotten)] : []),
        upsertActiveMemberQuery(db, contact, today, now, forgotten)
          .returning(["created_at", "founder"])
          .compile(),
        // The week's activity row, in this batch as the day is (the dashboard's history).
        speakerWeekQuery(db, contact, today),
        findContactQuery(db, contact).compile(),
      ]);
      const [upsertResult, , findResult] = results.slice(-3);
      const rows = findResult?.results as Parameters<typeof contactFromRow>[0][] | undefined;
      const { community, member } = contactFromRow(rows?.[0]);
      if (!community) throw new Error("registration did not produce a community");
      // The upsert's guard found them on the forgotten list: nothing was written.
      if (!member) return { community, member: null, forgotten: true };
      // An upsert that met an existing row keeps its created_at: only an insert carries this call's time.
      const upserted = upsertResult?.results?.[0] as { created_at?: string; founder?: number } | undefined;
      const created = upserted?.created_at === now.toISOString();
      return { community, member, created, founder: upserted?.founder === 1 };
    },

    async cachePlatformAdmin(memberId, isAdmin, now) {
      await cachePlatformAdminQuery(db, memberId, isAdmin, now).execute();
    },

    async listModerators(communityId) {
      return (await listModeratorRows(db, communityId)).map(memberFromRow);
    },

    async apply(community, effects, audit, now, options) {
      const queries: CompiledQuery[] = [];
      if (options?.ingressKey) {
        // A plain INSERT, first in the transaction: a key seen before fails the whole batch.
        queries.push(
          db
            .insertInto("processed_events")
            .values({ key: options.ingressKey, received_at: now.toISOString() })
            .compile(),
        );
      }
      for (const effect of effects) queries.push(...effectQueries(db, community, effect, now, forgotten));
      if (audit) queries.push(auditQuery(db, community, audit, now));
      let results: D1Result[];
      try {
        results = await runBatch(d1, queries);
      } catch (error) {
        if (options?.ingressKey && isDuplicateKey(error))
          throw new DuplicateDeliveryError(options.ingressKey);
        throw error;
      }
      // Statements that return outbox ids (new drafts, retried or resumed messages) feed the queue.
      const enqueue = results.flatMap((result) =>
        ((result.results ?? []) as { id?: unknown }[]).flatMap((row) =>
          typeof row.id === "number" ? [row.id] : [],
        ),
      );
      return { enqueue };
    },

    async findMember(communityId, platformUserId) {
      return contactFromRow(await findMemberByIdQuery(db, communityId, platformUserId).executeTakeFirst());
    },

    async readFormDraft(communityId, platformUserId, formId) {
      const row = await db
        .selectFrom("form_drafts")
        .select("answers")
        .where("community_id", "=", communityId)
        .where("user_id", "=", platformUserId)
        .where("form_id", "=", formId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.answers) as Record<string, string | string[]>) : null;
    },

    deliveryReport: (communityId, since) => deliveryReport(db, communityId, since),
    ...featureReads(db, forgotten),
  };
}

/** The features' reads, under each feature's name (`CommunityStore` extends `FeatureReads`). */
function featureReads(db: Db, forgotten: ForgetHasher): FeatureReads {
  const weeks = readFeatureWeeks(db);
  // A part whose feature declared no reads (the dashboard's) has none to add.
  const reads = FEATURE_STORES.flatMap((part) =>
    part.reads ? [[part.name, part.reads(db, weeks, forgotten)] as const] : [],
  );
  return Object.fromEntries(reads) as unknown as FeatureReads;
}

type FeatureEffect = FeatureEffects[keyof FeatureEffects];
type EffectQueries = (
  db: Db,
  communityId: number,
  effect: FeatureEffect,
  now: Date,
  forgotten: ForgetHasher,
) => CompiledQuery[];

/** Which feature's store turns an effect type into statements (`featureStore` checks each covers its own). */
const FEATURE_BY_EFFECT = new Map<string, EffectQueries>(
  FEATURE_STORES.flatMap((part) =>
    part.effectTypes.map((type) => [type, part.effectQueries as EffectQueries] as const),
  ),
);

function isFeatureEffect(effect: Effect): effect is FeatureEffect {
  return FEATURE_BY_EFFECT.has(effect.type);
}

/** How many pending messages a resume enqueues at once; the sweep picks up any beyond it. */
const RESUME_LIMIT = 5000;

function effectQueries(
  db: Db,
  community: Community,
  effect: Effect,
  now: Date,
  forgotten: ForgetHasher,
): CompiledQuery[] {
  if (isActivityEffect(effect)) return activityEffectQueries(db, community.id, effect, now);
  if (isFeatureEffect(effect))
    return FEATURE_BY_EFFECT.get(effect.type)?.(db, community.id, effect, now, forgotten) ?? [];
  const at = now.toISOString();
  const setCommunity = (values: CommunityUpdate) =>
    db.updateTable("communities").set(values).where("id", "=", community.id).compile();
  switch (effect.type) {
    case "community.locale":
      return [setCommunity({ locale: effect.locale, updated_at: at })];
    case "community.moderatorRole":
      return [setCommunity({ moderator_role_id: effect.roleId, updated_at: at })];
    case "moderator.grant":
      return [setModeratorQuery(db, community.id, effect.userId, true, now, forgotten).compile()];
    case "moderator.revoke":
      return [setModeratorQuery(db, community.id, effect.userId, false, now, forgotten).compile()];
    case "outbox.send":
      return writeDraftQueries(db, community.id, effect.draft, now);
    case "delivery.pause":
      return [setCommunity({ delivery_paused: 1, updated_at: at })];
    case "delivery.resume":
      return [
        setCommunity({ delivery_paused: 0, updated_at: at }),
        pendingIdsQuery(db, community.id, null, RESUME_LIMIT).compile(),
      ];
    case "delivery.retryDead":
      return [retryDeadQuery(db, community.id, effect.limit, now)];
    case "delivery.block":
      return lossQueries(
        db,
        {
          communityId: community.id,
          scope: effect.scope,
          cause: effect.cause,
          reason: effect.reason,
          credential: effect.credential,
        },
        now,
      );
    case "delivery.unblock":
      return clearBlocksQueries(db, community.id, "all", now);
    case "form.saveDraft":
      return [
        db
          .insertInto("form_drafts")
          .values({
            community_id: community.id,
            user_id: effect.userId,
            form_id: effect.formId,
            answers: JSON.stringify(effect.values),
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .columns(["community_id", "user_id", "form_id"])
              .doUpdateSet({ answers: JSON.stringify(effect.values), updated_at: at }),
          )
          .compile(),
      ];
    case "form.clearDraft":
      return [
        db
          .deleteFrom("form_drafts")
          .where("community_id", "=", community.id)
          .where("user_id", "=", effect.userId)
          .where("form_id", "=", effect.formId)
          .compile(),
      ];
    case "delivery.noticeShown":
      return [
        db
          .updateTable("delivery_blocks")
          .set({ notified_at: at })
          .where("community_id", "=", community.id)
          .where("notified_at", "is", null)
          .compile(),
      ];
  }
}

function isDuplicateKey(error: unknown): boolean {
  const text = `${String(error)} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return text.includes("UNIQUE constraint failed: processed_events.key");
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
