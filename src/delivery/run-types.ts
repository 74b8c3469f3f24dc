import type { SendPort } from "../core/delivery.ts";
import type { Db } from "../db/client.ts";
import type { LoadedRow } from "./rows.ts";

/** One queue message carrying one outbox id; `ack`/`retry` as on Cloudflare's queue messages. */
export interface DeliveryMessage {
  readonly id: number;
  /** How often the queue has delivered this message (1 on the first delivery). */
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

export interface DeliveryDeps {
  readonly db: Db;
  readonly d1: D1Database;
  /** The send port for a community's platform and workspace; null when it is not configured. */
  senderFor(platform: LoadedRow["platform"], workspaceId: string): Promise<SendPort | null>;
  /** Puts ids back on the queue after a delay (pacing deferrals, new fallback rows). */
  requeue(ids: readonly number[], delaySeconds: number): Promise<void>;
  /** Real time in ms, for pacing against the platforms' own clocks. */
  readonly nowMs: () => number;
  /** The clock for expiry, claims and due moments (injectable, like the jobs' clock). */
  readonly clock: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** The longest this invocation waits for a pacing slot before deferring a message instead. */
  readonly holdMs: number;
  /** Tries before a message is marked dead (the queue's max_retries + 1). */
  readonly maxAttempts: number;
}
