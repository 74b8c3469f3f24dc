/** A queue binding that records what was sent (bodies and delays) instead of delivering it. */
export class RecordingQueue {
  sent: { body: unknown; delaySeconds: number }[] = [];

  async send(body: unknown, options?: { delaySeconds?: number }): Promise<void> {
    this.sent.push({ body, delaySeconds: options?.delaySeconds ?? 0 });
  }

  async sendBatch(
    messages: Iterable<{ body: unknown; delaySeconds?: number }>,
    options?: { delaySeconds?: number },
  ): Promise<void> {
    for (const m of messages)
      this.sent.push({ body: m.body, delaySeconds: m.delaySeconds ?? options?.delaySeconds ?? 0 });
  }

  /** Takes everything sent so far (the queue is then empty). */
  take(): { body: unknown; delaySeconds: number }[] {
    return this.sent.splice(0);
  }

  /** Takes everything sent so far except cron heartbeats (test/health-tick.test.ts covers those). */
  takeWork(): { body: unknown; delaySeconds: number }[] {
    return this.take().filter((m) => (m.body as { heartbeat?: unknown } | null)?.heartbeat === undefined);
  }

  asQueue(): Queue {
    return this as unknown as Queue;
  }
}
