import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../src/env.ts";
import { weeklyDigest } from "../src/features/digest/jobs.ts";
import { deliverySweep } from "../src/jobs/delivery-sweep.ts";
import { createWorker } from "../src/worker.ts";
import { resetDb } from "./support/db.ts";
import { RecordingQueue } from "./support/queue.ts";
import { testEnv } from "./support/worker.ts";

const SCHEDULED = new Date("2027-03-02T09:15:00Z");
/** The Worker's clock while the tick runs: a little after the scheduled moment. */
const CLOCK = new Date("2027-03-02T09:15:02.500Z");

beforeEach(resetDb);

const tickRow = () => env.DB.prepare("SELECT * FROM health_cron_tick").all();
const beats = async () =>
  (await env.DB.prepare("SELECT queue, sent_at FROM health_queue_heartbeats ORDER BY queue").all()).results;

function tickAt(scheduled: Date, overrides: Partial<AppEnv> = {}, clock = CLOCK) {
  const jobs = new RecordingQueue();
  const outbox = new RecordingQueue();
  const run = createWorker({ now: () => clock }).scheduled(
    createScheduledController({ cron: "*/15 * * * *", scheduledTime: scheduled.getTime() }),
    testEnv({ JOBS: jobs.asQueue(), OUTBOX: outbox.asQueue(), ...overrides }),
  );
  return { run, jobs, outbox };
}

describe("each cron tick is recorded for the health page", () => {
  it("a tick that succeeded: its scheduled and finished times, ok, one row however many ticks", async () => {
    await tickAt(new Date(SCHEDULED.getTime() - 15 * 60_000)).run;
    await tickAt(SCHEDULED).run;
    expect((await tickRow()).results).toEqual([
      { id: 1, scheduled_at: SCHEDULED.toISOString(), finished_at: CLOCK.toISOString(), ok: 1, failed: null },
    ]);
  });

  it("sends one heartbeat through each queue with the send time, and records it as sent", async () => {
    const { run, jobs, outbox } = tickAt(SCHEDULED);
    await run;
    const heartbeat = { heartbeat: "guyub", sentAt: CLOCK.toISOString() };
    expect(jobs.take().filter((m) => (m.body as { heartbeat?: string }).heartbeat)).toEqual([
      { body: heartbeat, delaySeconds: 0 },
    ]);
    expect(outbox.take()).toEqual([{ body: heartbeat, delaySeconds: 0 }]);
    expect(await beats()).toEqual([
      { queue: "guyub-jobs", sent_at: CLOCK.toISOString() },
      { queue: "guyub-outbox", sent_at: CLOCK.toISOString() },
    ]);
  });

  it("a tick with failing kinds: recorded as failed with their names, never the errors' text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(deliverySweep, "due").mockRejectedValue(new Error("outbox row for Siti Rahmawati unreadable"));
    vi.spyOn(weeklyDigest, "due").mockRejectedValue(new Error("digest settings unreadable"));
    await expect(tickAt(SCHEDULED).run).rejects.toThrow("job kinds failed this tick");
    const [row] = (await tickRow()).results;
    expect(row).toEqual({
      id: 1,
      scheduled_at: SCHEDULED.toISOString(),
      finished_at: CLOCK.toISOString(),
      ok: 0,
      failed: JSON.stringify(["delivery-sweep", "weekly-digest"]),
    });
    expect(JSON.stringify(row)).not.toContain("Siti");
  });

  it("a heartbeat that cannot be sent fails the tick, named, while the jobs still go", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = {
      send: async () => {
        throw new Error("queue unavailable");
      },
    } as unknown as Queue;
    const { run, jobs } = tickAt(SCHEDULED, { OUTBOX: broken });
    await expect(run).rejects.toThrow("heartbeats could not be sent: heartbeat guyub-outbox");
    expect(jobs.take().length).toBeGreaterThan(1); // the jobs heartbeat and the due jobs
    expect((await tickRow()).results[0]).toMatchObject({ ok: 0, failed: '["heartbeat guyub-outbox"]' });
    expect(await beats()).toEqual([{ queue: "guyub-jobs", sent_at: CLOCK.toISOString() }]);
  });

  it("a slow tick finishing after a later one does not replace the later one's record", async () => {
    const later = new Date(SCHEDULED.getTime() + 15 * 60_000);
    const laterSent = new Date(later.getTime() + 1_000);
    await tickAt(later, {}, laterSent).run;
    // The slow tick sent its heartbeats a minute before the later one's, and records last.
    await tickAt(SCHEDULED, {}, new Date(later.getTime() - 60_000)).run;
    expect((await tickRow()).results[0]).toMatchObject({ scheduled_at: later.toISOString() });
    expect(await beats()).toEqual([
      { queue: "guyub-jobs", sent_at: laterSent.toISOString() },
      { queue: "guyub-outbox", sent_at: laterSent.toISOString() },
    ]);
  });
});
