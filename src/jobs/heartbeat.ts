import { z } from "zod";
import type { Db } from "../db/client.ts";
import { recordHeartbeatBack } from "../db/health.ts";

/**
 * A heartbeat: the one message a cron tick sends through each queue guyub consumes, so the health
 * page can say each queue delivers and how fast. Its shape is neither a job message nor an
 * outbox id, and both consumers take heartbeats out of a batch before anything else looks at it.
 */
export const heartbeatMessage = z.object({
  heartbeat: z.literal("guyub"),
  sentAt: z.iso.datetime(),
});
export type HeartbeatMessage = z.infer<typeof heartbeatMessage>;

export interface HeartbeatQueue {
  /** The queue's name in wrangler.toml: the batch's `queue` when the heartbeat comes back. */
  readonly name: string;
  readonly queue: Pick<Queue, "send">;
}

/** Sends one heartbeat through each queue; a send that fails is named, the others still go. */
export async function sendHeartbeats(
  queues: readonly HeartbeatQueue[],
  clock: () => Date,
): Promise<{ sent: { queue: string; sentAt: Date }[]; failed: string[] }> {
  const sent: { queue: string; sentAt: Date }[] = [];
  const failed: string[] = [];
  for (const { name, queue } of queues) {
    const sentAt = clock();
    try {
      await queue.send({ heartbeat: "guyub", sentAt: sentAt.toISOString() } satisfies HeartbeatMessage);
      sent.push({ queue: name, sentAt });
    } catch (error) {
      console.error("heartbeat could not be sent", { queue: name, error: String(error) });
      failed.push(`heartbeat ${name}`);
    }
  }
  return { sent, failed };
}

/**
 * Takes the heartbeats out of a batch: each is acknowledged and its round trip recorded, and the
 * other messages are returned for the queue's consumer. A heartbeat is never retried: it has
 * nothing to redo, and a retried one would end in the dead-letter queue. If recording fails the
 * page shows an older round trip, and the next tick's heartbeat tries again.
 */
export async function takeHeartbeats(
  batch: Pick<MessageBatch<unknown>, "queue" | "messages">,
  db: Db,
  clock: () => Date,
): Promise<Message<unknown>[]> {
  const rest: Message<unknown>[] = [];
  let newest: Date | null = null;
  for (const message of batch.messages) {
    const heartbeat = heartbeatMessage.safeParse(message.body);
    if (!heartbeat.success) {
      rest.push(message);
      continue;
    }
    message.ack();
    const sentAt = new Date(heartbeat.data.sentAt);
    if (!newest || sentAt > newest) newest = sentAt;
  }
  if (newest) {
    try {
      await recordHeartbeatBack(db, batch.queue, newest, clock());
    } catch (error) {
      console.error("heartbeat round trip not recorded", { queue: batch.queue, error: String(error) });
    }
  }
  return rest;
}
