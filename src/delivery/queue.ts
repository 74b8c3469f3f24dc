import type { DeliveryQueue } from "../core/ports.ts";

/** The body of an OUTBOX queue message. */
export interface OutboxMessageBody {
  readonly id: number;
}

/** Cloudflare Queues take at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

/** Hands committed outbox ids to the OUTBOX queue, optionally delayed (seconds, Queues' unit). */
export function createDeliveryQueue(queue: Queue): DeliveryQueue & {
  requeue(ids: readonly number[], delaySeconds: number): Promise<void>;
} {
  const send = async (ids: readonly number[], delaySeconds: number) => {
    for (let i = 0; i < ids.length; i += SEND_BATCH) {
      const chunk = ids.slice(i, i + SEND_BATCH).map((id) => ({ body: { id } satisfies OutboxMessageBody }));
      await queue.sendBatch(chunk, delaySeconds > 0 ? { delaySeconds } : undefined);
    }
  };
  return { enqueue: (ids) => send(ids, 0), requeue: send };
}
