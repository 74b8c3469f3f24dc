import { type CompiledQuery, sql } from "kysely";
import { type Db, runBatch } from "../db/client.ts";
import { clearBlocksQueries, type LossRecord, lossQueries } from "../db/delivery-blocks.ts";
import type { CommunitiesTable, OutboxRow } from "../db/schema.ts";

/**
 * An outbox row with what sending it needs: platform, pause, DM channel, and the message it refers
 * to (`edit_*`): the one an edit changes, or the one a post replies under (its payload's `replyTo`).
 */
export interface LoadedRow extends OutboxRow {
  readonly platform: CommunitiesTable["platform"];
  readonly workspace_id: string;
  readonly delivery_paused: number;
  readonly dm_channel_id: string | null;
  readonly edit_status: string | null;
  readonly edit_channel_id: string | null;
  readonly edit_message_id: string | null;
}

const idsParam = (ids: readonly number[]) =>
  sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;

/** The rows for a batch of ids, joined with their community, DM channel and edit target: one statement. */
export async function loadRows(db: Db, ids: readonly number[]): Promise<LoadedRow[]> {
  const rows = await db
    .selectFrom("outbox as o")
    .innerJoin("communities as c", "c.id", "o.community_id")
    .leftJoin("dm_channels as d", (join) =>
      join
        .onRef("d.community_id", "=", "o.community_id")
        .onRef("d.user_id", "=", "o.target")
        .on("o.kind", "in", ["dm", "followup"]),
    )
    .leftJoin("outbox as t", (join) =>
      join.onRef("t.community_id", "=", "o.community_id").on(({ and, eb, or, ref }) =>
        or([
          and([eb("o.kind", "=", "edit"), eb("t.idempotency_key", "=", ref("o.target"))]),
          and([
            eb("o.kind", "=", "post"),
            // A malformed payload (a poison row) must not fail the whole batch's statement.
            eb(
              "t.idempotency_key",
              "=",
              sql<string>`CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.replyTo') END`,
            ),
          ]),
        ]),
      ),
    )
    .selectAll("o")
    .select([
      "c.platform",
      "c.workspace_id",
      "c.delivery_paused",
      "d.channel_id as dm_channel_id",
      "t.status as edit_status",
      "t.platform_channel_id as edit_channel_id",
      "t.platform_message_id as edit_message_id",
    ])
    .where("o.id", "in", idsParam(ids))
    .execute();
  return rows as LoadedRow[];
}

type Final = "sent" | "undeliverable" | "lost" | "dead" | "skipped";

/** Statements recording what happened to a row; run together as one batch, right after the call. */
export class RowWrites {
  readonly #queries: CompiledQuery[] = [];
  constructor(
    private readonly db: Db,
    private readonly at: Date,
  ) {}

  sent(row: LoadedRow, channelId: string, messageId: string, openedDm: boolean): this {
    this.#queries.push(
      this.db
        .updateTable("outbox")
        .set({
          status: "sent",
          attempts: sql`attempts + 1`,
          platform_channel_id: channelId || null,
          platform_message_id: messageId || null,
          last_error: null,
          sent_at: this.at.toISOString(),
          claimed_until: null,
          held_by: null,
          updated_at: this.at.toISOString(),
        })
        .where("id", "=", row.id)
        .compile(),
    );
    if (openedDm && channelId) {
      this.#queries.push(
        this.db
          .insertInto("dm_channels")
          .values({ community_id: row.community_id, user_id: row.target, channel_id: channelId })
          .onConflict((oc) => oc.columns(["community_id", "user_id"]).doUpdateSet({ channel_id: channelId }))
          .compile(),
      );
    }
    return this;
  }

  /** A final state other than sent, with the reason; `attempted` counts the call made. */
  finish(row: LoadedRow, status: Exclude<Final, "sent">, reason: string, attempted: boolean): this {
    this.#queries.push(
      this.db
        .updateTable("outbox")
        .set({
          status,
          attempts: attempted ? sql`attempts + 1` : sql`attempts`,
          last_error: reason.slice(0, 500),
          updated_at: this.at.toISOString(),
        })
        .where("id", "=", row.id)
        .where("status", "=", "pending")
        .compile(),
    );
    return this;
  }

  /**
   * A failed try the queue retries after `retryAt`: the attempt and error are recorded, the row
   * stays pending, its claim ends, and the sweep leaves it to the queue until then.
   */
  failedTry(row: LoadedRow, reason: string, retryAt: Date): this {
    this.#queries.push(
      this.db
        .updateTable("outbox")
        .set({
          attempts: sql`attempts + 1`,
          last_error: reason.slice(0, 500),
          claimed_until: null,
          next_try_at: retryAt.toISOString(),
          updated_at: this.at.toISOString(),
        })
        .where("id", "=", row.id)
        .compile(),
    );
    return this;
  }

  /** A call made and answered without a final outcome (a loss: the row waits, see `Deferrals`). */
  attempted(row: LoadedRow, reason: string): this {
    this.#queries.push(
      this.db
        .updateTable("outbox")
        .set({
          attempts: sql`attempts + 1`,
          last_error: reason.slice(0, 500),
          updated_at: this.at.toISOString(),
        })
        .where("id", "=", row.id)
        .compile(),
    );
    return this;
  }

  /** The bot lost access to a channel (or the whole community): later rows there wait. */
  loss(loss: LossRecord): this {
    this.#queries.push(...lossQueries(this.db, loss, this.at));
    return this;
  }

  /** Access is back in these scopes: their blocks go, and `run` returns the waiting rows' ids. */
  clear(communityId: number, scopes: readonly string[]): this {
    this.#queries.push(...clearBlocksQueries(this.db, communityId, scopes, this.at));
    return this;
  }

  /** The row's fallback, as a channel post keyed `<key>:fallback`; its id comes back from `run`. */
  fallback(row: LoadedRow): this {
    if (!row.fallback) return this;
    const fallback = JSON.parse(row.fallback) as { channelId: string; message: unknown };
    const at = this.at.toISOString();
    this.#queries.push(
      this.db
        .insertInto("outbox")
        .values({
          community_id: row.community_id,
          idempotency_key: `${row.idempotency_key}:fallback`,
          kind: "post",
          target: fallback.channelId,
          payload: JSON.stringify({ message: fallback.message }),
          expires_at: row.expires_at,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(["community_id", "idempotency_key"]).doNothing())
        .returning("id")
        .compile(),
    );
    return this;
  }

  /** Runs the statements as one transaction; returns ids to enqueue (fallbacks, released rows). */
  async run(d1: D1Database): Promise<number[]> {
    if (this.#queries.length === 0) return [];
    const results = await runBatch(d1, this.#queries);
    return results.flatMap((result) =>
      ((result.results ?? []) as { id?: unknown }[]).flatMap((r) => (typeof r.id === "number" ? [r.id] : [])),
    );
  }
}
