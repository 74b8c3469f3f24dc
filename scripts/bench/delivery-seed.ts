/**
 * The delivery bench's burst: one community per platform and its outbox rows, written from Node on
 * the raw D1 binding (so the Worker's statement counter never sees them), then handed to the
 * OUTBOX queue the way src/delivery/queue.ts does it, 100 ids per sendBatch.
 */
import type { Miniflare } from "miniflare";

export type Platform = "slack" | "discord";

/**
 * `interleaved`: message i goes to channel i mod channels (a digest to every channel, many times);
 * `grouped`: each channel's messages one after another (a backlog for one channel, then the next).
 */
export type Order = "interleaved" | "grouped";

export interface Burst {
  platform: Platform;
  messages: number;
  channels: number;
  order: Order;
}

/** Workspace (Slack team) or guild ids for the bench's communities. */
const WORKSPACE: Record<Platform, string> = { slack: "T0BENCH01", discord: "300000000000000001" };

/** Channel ids the stand-ins accept: Slack `C…` ids, Discord snowflakes. */
export function channelIds(platform: Platform, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    platform === "slack"
      ? `C0BENCH${String(i + 1).padStart(3, "0")}`
      : String(400000000000000001n + BigInt(i)),
  );
}

/**
 * Inserts the community and `messages` post rows across the channels in the burst's order. Rows
 * have the shape src/db/outbox.ts `writeDraftQueries` gives a `post` draft. Returns the new ids
 * in that order, the order they are enqueued in.
 */
export async function seedBurst(mf: Miniflare, burst: Burst): Promise<number[]> {
  const db = await mf.getD1Database("DB");
  const at = new Date().toISOString();
  const community: { id: number } | null = await db
    .prepare(
      "INSERT INTO communities (platform, workspace_id, locale, created_at, updated_at) VALUES (?, ?, 'en', ?, ?) RETURNING id",
    )
    .bind(burst.platform, WORKSPACE[burst.platform], at, at)
    .first();
  if (!community) throw new Error(`could not create the ${burst.platform} community`);
  const channels = channelIds(burst.platform, burst.channels);
  const rows = Array.from({ length: burst.messages }, (_, i) => {
    const perChannel = Math.ceil(burst.messages / channels.length);
    const index = burst.order === "grouped" ? Math.floor(i / perChannel) : i % channels.length;
    const channel = channels[index] ?? "";
    const text = `bench message ${i + 1} of ${burst.messages}`;
    return {
      k: `bench:${burst.platform}:${i + 1}`,
      c: channel,
      p: JSON.stringify({ message: { visibility: "public", blocks: [{ type: "text", text }] } }),
    };
  });
  // One statement for the whole burst: D1 caps bound parameters per statement, json_each does not.
  const inserted = await db
    .prepare(
      `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, created_at, updated_at)
       SELECT ?, json_extract(value, '$.k'), 'post', json_extract(value, '$.c'), json_extract(value, '$.p'), ?, ?
       FROM json_each(?) ORDER BY key
       RETURNING id`,
    )
    .bind(community.id, at, at, JSON.stringify(rows))
    .all();
  const ids = (inserted.results as Array<{ id: number }>).map((row) => row.id).sort((a, b) => a - b);
  if (ids.length !== burst.messages) throw new Error(`seeded ${ids.length} of ${burst.messages} rows`);
  return ids;
}

/** Alternates several lists (a mixed Slack and Discord burst), keeping each list's own order. */
export function interleave(lists: readonly number[][]): number[] {
  const out: number[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as number);
  return out;
}

/** Cloudflare Queues take at most 100 messages per sendBatch (src/delivery/queue.ts). */
const SEND_BATCH = 100;

export async function enqueue(mf: Miniflare, ids: readonly number[]): Promise<void> {
  const queue = await mf.getQueueProducer<{ id: number }>("OUTBOX");
  for (let i = 0; i < ids.length; i += SEND_BATCH) {
    await queue.sendBatch(ids.slice(i, i + SEND_BATCH).map((id) => ({ body: { id } })));
  }
}

export type StatusCounts = Record<Platform, Record<string, number>>;

/** Outbox rows by platform and status (the Worker's own view of what was delivered). */
export async function rowStatuses(mf: Miniflare): Promise<StatusCounts> {
  const db = await mf.getD1Database("DB");
  const result = await db
    .prepare(
      `SELECT c.platform AS platform, o.status AS status, count(*) AS n
       FROM outbox o JOIN communities c ON c.id = o.community_id GROUP BY 1, 2`,
    )
    .all();
  const counts: StatusCounts = { slack: {}, discord: {} };
  // Miniflare's D1 types come from workers-types, not installed here: the rows are typed by hand.
  const rows = result.results as Array<{ platform: Platform; status: string; n: number }>;
  for (const row of rows) counts[row.platform][row.status] = row.n;
  return counts;
}
