import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../src/env.ts";
import { createWorker } from "../src/worker.ts";
import { resetDb, rowCounts } from "./support/db.ts";
import { testEnv } from "./support/worker.ts";

const SENT = new Date("2027-03-02T09:15:02.000Z");
const BACK = new Date("2027-03-02T09:15:03.250Z");

beforeEach(resetDb);

const heartbeat = (sentAt: Date) => ({ heartbeat: "guyub", sentAt: sentAt.toISOString() });

async function consume(queue: string, bodies: unknown[], at = BACK, overrides: Partial<AppEnv> = {}) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: SENT, attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await createWorker({ now: () => at }).queue(batch, testEnv(overrides));
  return getQueueResult(batch, ctx);
}

const row = (queue: string) =>
  env.DB.prepare("SELECT back_sent_at, back_at, round_trip_ms FROM health_queue_heartbeats WHERE queue = ?")
    .bind(queue)
    .first();

describe("a heartbeat coming back through a queue", () => {
  it.each(["guyub-jobs", "guyub-outbox"])(
    "%s: acknowledged, its round trip recorded, nothing else done",
    async (queue) => {
      const warn = vi.spyOn(console, "warn");
      const before = await rowCounts();
      const result = await consume(queue, [heartbeat(SENT)]);
      expect(result.explicitAcks).toEqual(["m0"]);
      expect(result.retryMessages).toEqual([]);
      expect(result.retryBatch.retry).toBe(false);
      expect(await row(queue)).toEqual({
        back_sent_at: SENT.toISOString(),
        back_at: BACK.toISOString(),
        round_trip_ms: 1250,
      });
      // Not mistaken for a job or an outbox row: no "unusable message" warning, no other table touched.
      expect(warn).not.toHaveBeenCalled();
      expect({ ...(await rowCounts()), health_queue_heartbeats: 0 }).toEqual(before);
    },
  );

  it.each([
    ["guyub-jobs", { job: "nonsense" }, "dropping unusable job message"],
    ["guyub-outbox", { id: "not a number" }, "dropping malformed outbox message"],
  ])(
    "%s: taken out of a batch; the other messages still reach the consumer",
    async (queue, other, warning) => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const result = await consume(queue, [heartbeat(SENT), other]);
      expect(result.explicitAcks.sort()).toEqual(["m0", "m1"]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(warning, expect.objectContaining({ id: "m1" }));
    },
  );

  it("an older heartbeat arriving late does not replace a newer round trip", async () => {
    const newer = new Date(SENT.getTime() + 15 * 60_000);
    await consume("guyub-outbox", [heartbeat(newer)], new Date(newer.getTime() + 400));
    await consume("guyub-outbox", [heartbeat(SENT)], new Date(newer.getTime() + 900));
    expect(await row("guyub-outbox")).toMatchObject({
      back_sent_at: newer.toISOString(),
      round_trip_ms: 400,
    });
  });

  it("is never retried, even when its round trip cannot be recorded", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "prepare" || prop === "batch")
          return () => {
            throw new Error("D1 unavailable");
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await consume("guyub-jobs", [heartbeat(SENT)], BACK, { DB: broken });
    expect(result.explicitAcks).toEqual(["m0"]);
    expect(result.retryMessages).toEqual([]);
    expect(error).toHaveBeenCalledWith("heartbeat round trip not recorded", expect.anything());
  });
});
