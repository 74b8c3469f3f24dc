import type { SendPort } from "../core/delivery.ts";
import { createDb } from "../db/client.ts";
import type { AppEnv } from "../env.ts";
import type { Platforms } from "../platforms.ts";
import { type DeliveryDeps, type DeliveryMessage, deliverBatch } from "./engine.ts";
import { createDeliveryQueue } from "./queue.ts";

/** Queue retries before a message lands in `guyub-dead` (wrangler.toml `max_retries`) plus the first try. */
export const MAX_ATTEMPTS = 6;
/** How long one invocation waits for a pacing slot before deferring to the queue. */
export const HOLD_MS = 3_000;

export interface DeliveryOptions {
  /** Divides every pacing interval: tests run the stand-ins faster than real time. */
  readonly paceScale?: number;
  readonly holdMs?: number;
  readonly clock?: () => Date;
}

/**
 * The delivery engine's dependencies from the Worker's bindings and the platforms the
 * composition root wired (`src/compose.ts`).
 */
export function deliveryDeps(env: AppEnv, platforms: Platforms, options: DeliveryOptions = {}): DeliveryDeps {
  const queue = createDeliveryQueue(env.OUTBOX);
  // Per batch: each batch reads the workspaces' tokens afresh, so an uninstall stops it at once.
  const senders = new Map<string, Promise<SendPort | null>>();
  const clock = options.clock ?? (() => new Date());
  return {
    db: createDb(env.DB),
    d1: env.DB,
    senderFor(platform, workspaceId) {
      const key = `${platform}:${workspaceId}`;
      let sender = senders.get(key);
      if (!sender) {
        // A platform this deployment is not wired for has no sender, like one without a token.
        const parts = platforms.get(platform);
        sender = parts
          ? parts.sender(workspaceId, { now: clock, paceScale: options.paceScale })
          : Promise.resolve(null);
        senders.set(key, sender);
      }
      return sender;
    },
    requeue: queue.requeue,
    nowMs: () => Date.now(),
    clock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    holdMs: options.holdMs ?? HOLD_MS,
    maxAttempts: MAX_ATTEMPTS,
  };
}

/** The `guyub-outbox` consumer: Cloudflare's batch to the platform-neutral engine. */
export async function consumeOutbox(
  batch: Pick<MessageBatch<unknown>, "messages">,
  deps: DeliveryDeps,
): Promise<void> {
  const messages: DeliveryMessage[] = [];
  for (const message of batch.messages) {
    const id = (message.body as { id?: unknown } | null)?.id;
    if (typeof id !== "number" || !Number.isInteger(id)) {
      // Not ours and never will be: retrying cannot help, so it is logged and acknowledged.
      console.warn("dropping malformed outbox message", { id: message.id, body: message.body });
      message.ack();
      continue;
    }
    messages.push({
      id,
      attempts: message.attempts,
      ack: () => message.ack(),
      retry: (options) => message.retry(options),
    });
  }
  await deliverBatch(deps, messages);
}
