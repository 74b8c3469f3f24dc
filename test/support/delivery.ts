import { env } from "cloudflare:workers";
import { platformsFrom } from "../../src/compose.ts";
import type { OutboxDraft } from "../../src/core/delivery.ts";
import type { Message } from "../../src/core/message.ts";
import type { Community } from "../../src/core/model.ts";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { type DeliveryOptions, deliveryDeps } from "../../src/delivery/consumer.ts";
import type { DeliveryDeps, DeliveryMessage } from "../../src/delivery/engine.ts";
import { deliverBatch } from "../../src/delivery/engine.ts";
import { createDeliveryQueue } from "../../src/delivery/queue.ts";
import { deliverySweep } from "../../src/jobs/delivery-sweep.ts";
import { RecordingQueue } from "./queue.ts";
import { testEnv } from "./worker.ts";

export { RecordingQueue };

/** A queue message as the engine sees it, remembering how it was settled. */
export class TestMessage implements DeliveryMessage {
  settled: "ack" | "retry" | null = null;
  retryDelay: number | undefined;
  constructor(
    readonly id: number,
    readonly attempts = 1,
  ) {}
  ack(): void {
    this.settled ??= "ack";
  }
  retry(options?: { delaySeconds?: number }): void {
    this.settled ??= "retry";
    this.retryDelay = options?.delaySeconds;
  }
}

/**
 * A pace ten times faster than the platforms' limits, for tests about what is sent rather than
 * when (test/delivery-pacing.test.ts proves the pace). Their few messages stay within the
 * stand-ins' bursts (five posts a channel), so no 429 is earned; at real pace each second post in
 * a channel waited a real second.
 */
export const QUICK_PACE = 10;

/** Delivery deps against the real D1 and the stand-ins, with a recording OUTBOX queue. */
export function testDelivery(options: DeliveryOptions = {}): { deps: DeliveryDeps; queue: RecordingQueue } {
  const queue = new RecordingQueue();
  const bindings = testEnv({ OUTBOX: queue.asQueue() });
  const deps = deliveryDeps(bindings, platformsFrom(bindings), { holdMs: 60_000, ...options });
  return { deps, queue };
}

/**
 * A delivery engine on a clock the test moves (`at(ms)`: that long after the start), with helpers
 * to deliver a batch, read what went back on the queue (id and delay), and run the sweep at a
 * moment of the same clock.
 */
export function clockedDelivery(options: DeliveryOptions = {}) {
  const t0 = Date.now();
  let now = new Date(t0);
  const { deps, queue } = testDelivery({ clock: () => now, ...options });
  return {
    deps,
    queue,
    at(ms: number) {
      now = new Date(t0 + ms);
    },
    async deliver(ids: readonly number[], attempts = 1): Promise<TestMessage[]> {
      const batch = ids.map((id) => new TestMessage(id, attempts));
      await deliverBatch(deps, batch);
      return batch;
    },
    /** Ids put back on the queue since the last call, with their delays in seconds. */
    requeued: () => queue.take().map((m) => [(m.body as { id: number }).id, m.delaySeconds] as const),
    /** Runs the delivery sweep at `ms` after the start; returns the ids it enqueued. */
    async sweepAt(ms: number): Promise<number[]> {
      const swept = new RecordingQueue();
      const db = createDb(env.DB);
      const jobDeps = {
        db,
        d1: env.DB,
        store: createCommunityStore(db, env.DB),
        outbox: createDeliveryQueue(swept.asQueue()),
        now: new Date(t0 + ms),
      };
      await deliverySweep.run(jobDeps, { communityId: 0, period: String(ms) });
      return swept.take().map((m) => (m.body as { id: number }).id);
    },
  };
}

/**
 * Plays the queue until it is empty: delivers what is queued, then what was retried (as the
 * queue would, with attempts counted), ignoring delays. Returns every message it delivered.
 */
export async function drain(
  deps: DeliveryDeps,
  queue: RecordingQueue,
  ids: readonly number[] = [],
  rounds = 20,
): Promise<TestMessage[]> {
  const all: TestMessage[] = [];
  let pending = [...ids.map((id) => new TestMessage(id))];
  for (let round = 0; round < rounds; round++) {
    pending.push(...queue.take().map((m) => new TestMessage((m.body as { id: number }).id)));
    if (pending.length === 0) break;
    const batch = pending.splice(0, 100);
    await deliverBatch(deps, batch);
    all.push(...batch);
    pending = [
      ...pending,
      ...batch.filter((m) => m.settled === "retry").map((m) => new TestMessage(m.id, m.attempts + 1)),
    ];
  }
  return all;
}

/** A community row for a platform workspace; returns the community as core sees it. */
export async function seedCommunity(
  platform: "slack" | "discord" | "telegram",
  workspaceId = { slack: "T0GUYUB01", discord: "200000000000000001", telegram: "-1001234567890" }[platform],
): Promise<Community> {
  const at = new Date().toISOString();
  const row = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, locale, created_at, updated_at) VALUES (?, ?, 'en', ?, ?) RETURNING id",
  )
    .bind(platform, workspaceId, at, at)
    .first<{ id: number }>();
  return {
    id: row?.id ?? 0,
    platform,
    workspaceId,
    name: null,
    locale: "en",
    timezone: "UTC",
    moderatorRoleId: null,
  };
}

/** Writes drafts through the real store (one transaction); returns the new outbox ids. */
export async function writeDrafts(community: Community, drafts: readonly OutboxDraft[]): Promise<number[]> {
  const store = createCommunityStore(createDb(env.DB), env.DB);
  const applied = await store.apply(
    community,
    drafts.map((draft) => ({ type: "outbox.send", draft })),
    null,
    new Date(),
  );
  return [...applied.enqueue];
}

/** A public one-line message. */
export function text(line: string): Message {
  return { visibility: "public", blocks: [{ type: "text", text: line }] };
}

/** Outbox rows by id, for assertions. */
export async function outboxRows(): Promise<Record<string, unknown>[]> {
  const result = await env.DB.prepare("SELECT * FROM outbox ORDER BY id").all();
  return result.results as Record<string, unknown>[];
}
