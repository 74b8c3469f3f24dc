import type { DeliveryReport } from "../core/ports.ts";
import type { Db } from "./client.ts";

/**
 * Counts by status since `since`, the last errors, and where access was lost (with the messages
 * waiting there and the next probe): five reads, in parallel.
 */
export async function deliveryReport(db: Db, communityId: number, since: Date): Promise<DeliveryReport> {
  const [community, byStatus, errors, blocks, held] = await Promise.all([
    db.selectFrom("communities").select("delivery_paused").where("id", "=", communityId).executeTakeFirst(),
    db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("community_id", "=", communityId)
      .where("updated_at", ">=", since.toISOString())
      .groupBy("status")
      .execute(),
    db
      .selectFrom("outbox")
      .select(["kind", "last_error", "updated_at"])
      .where("community_id", "=", communityId)
      .where("last_error", "is not", null)
      .where("updated_at", ">=", since.toISOString())
      .orderBy("updated_at", "desc")
      .limit(5)
      .execute(),
    db
      .selectFrom("delivery_blocks as b")
      .select(["b.scope", "b.cause", "b.reason", "b.created_at", "b.probe_at"])
      .select((eb) =>
        eb
          .selectFrom("outbox as o")
          .select((c) => c.fn.countAll<number>().as("n"))
          .whereRef("o.community_id", "=", "b.community_id")
          .where("o.status", "=", "pending")
          .whereRef("o.held_by", "=", "b.scope")
          .as("waiting"),
      )
      .where("b.community_id", "=", communityId)
      .orderBy("b.created_at", "desc")
      .limit(10)
      .execute(),
    db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("community_id", "=", communityId)
      .where("status", "=", "pending")
      .where("held_by", "is not", null)
      .executeTakeFirst(),
  ]);
  const count = (...statuses: string[]) =>
    byStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.n), 0);
  return {
    paused: community?.delivery_paused === 1,
    counts: {
      pending: count("pending"),
      sent: count("sent"),
      failed: count("undeliverable", "lost"),
      dead: count("dead"),
    },
    lastErrors: errors.map((row) => ({
      at: new Date(row.updated_at),
      kind: row.kind,
      error: row.last_error ?? "",
    })),
    blocks: blocks.map((row) => ({
      scope: row.scope,
      cause: row.cause,
      reason: row.reason,
      at: new Date(row.created_at),
      probeAt: row.probe_at ? new Date(row.probe_at) : null,
      waiting: Number(row.waiting ?? 0),
    })),
    waitingForAccess: Number(held?.n ?? 0),
  };
}
