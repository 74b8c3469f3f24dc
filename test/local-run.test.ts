import { describe, expect, it } from "vitest";
import { fireOver, nextQuarterHour, scheduledUrl, startLocalCron } from "../scripts/lib/local-cron.ts";
import { lineSplitter, summarizeMigrations, wranglerDevFilter } from "../scripts/lib/quiet-output.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** A clock and timers that move only when the test says so. */
function fakeTime(start: string) {
  let now = at(start);
  let timers: { due: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ due: now + ms, run, id });
      return () => {
        timers = timers.filter((timer) => timer.id !== id);
      };
    },
    pending: () => timers.map((timer) => iso(timer.due)),
    /** Moves the clock to `to`, running each timer due on the way at its moment. */
    async advance(to: string) {
      const target = at(to);
      for (;;) {
        const due = timers.filter((timer) => timer.due <= target).sort((a, b) => a.due - b.due)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = Math.max(now, due.due);
        due.run();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      now = target;
    },
    /** Moves the clock without running timers, as a sleeping machine does. */
    jump(to: string) {
      now = at(to);
    },
    /** Runs every timer now, as a timer waking early (or a clock set back) would. */
    async wakeAll() {
      const all = timers;
      timers = [];
      for (const timer of all) timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function cronAt(start: string, fire: (t: number) => Promise<void> = async () => undefined) {
  const time = fakeTime(start);
  const fired: string[] = [];
  const failed: string[] = [];
  const cron = startLocalCron({
    now: time.now,
    setTimer: time.setTimer,
    fire: async (t) => {
      fired.push(iso(t));
      await fire(t);
    },
    onTick: (t, error) => {
      if (error !== undefined) failed.push(iso(t));
    },
  });
  return { time, fired, failed, cron };
}

describe("npm start's local cron", () => {
  it("names the next quarter hour strictly after now", () => {
    expect(iso(nextQuarterHour(at("2026-12-01T09:07:30Z")))).toBe("2026-12-01T09:15:00.000Z");
    expect(iso(nextQuarterHour(at("2026-12-01T09:15:00Z")))).toBe("2026-12-01T09:30:00.000Z");
    expect(iso(nextQuarterHour(at("2026-12-01T23:59:59.999Z")))).toBe("2026-12-02T00:00:00.000Z");
  });

  it("fires at every quarter hour with that quarter hour as the scheduled time", async () => {
    const { time, fired } = cronAt("2026-12-01T09:07:30Z");
    expect(time.pending()).toEqual(["2026-12-01T09:15:00.000Z"]);
    await time.advance("2026-12-01T10:00:00Z");
    expect(fired).toEqual([
      "2026-12-01T09:15:00.000Z",
      "2026-12-01T09:30:00.000Z",
      "2026-12-01T09:45:00.000Z",
      "2026-12-01T10:00:00.000Z",
    ]);
  });

  it("never fires before its quarter hour nor twice for one", async () => {
    const { time, fired } = cronAt("2026-12-01T09:07:30Z");
    await time.wakeAll(); // the timer wakes early: nothing fires, it waits for 09:15
    expect(fired).toEqual([]);
    await time.advance("2026-12-01T09:15:00Z");
    await time.wakeAll(); // a stray early wake right after: 09:15 is not fired again
    await time.advance("2026-12-01T09:29:59Z");
    expect(fired).toEqual(["2026-12-01T09:15:00.000Z"]);
  });

  it("after a sleep fires once, for the latest quarter hour passed, and keeps the grid", async () => {
    const { time, fired } = cronAt("2026-12-01T09:07:30Z");
    // Nothing runs while the machine sleeps; it wakes at 11:02 and the 09:15 timer runs late.
    time.jump("2026-12-01T11:02:00Z");
    await time.advance("2026-12-01T11:02:00Z");
    expect(fired).toEqual(["2026-12-01T11:00:00.000Z"]);
    expect(time.pending()).toEqual(["2026-12-01T11:15:00.000Z"]);
  });

  it("carries on after a tick the Worker refused, and stops when told", async () => {
    let calls = 0;
    const { time, fired, failed, cron } = cronAt("2026-12-01T09:07:30Z", async () => {
      if (calls++ === 0) throw new Error("HTTP 500");
    });
    await time.advance("2026-12-01T09:30:00Z");
    expect(failed).toEqual(["2026-12-01T09:15:00.000Z"]);
    expect(fired).toEqual(["2026-12-01T09:15:00.000Z", "2026-12-01T09:30:00.000Z"]);
    cron.stop();
    expect(time.pending()).toEqual([]);
    await time.advance("2026-12-01T11:00:00Z");
    expect(fired).toHaveLength(2);
  });

  it("fires through Miniflare's scheduled endpoint with the cron and the time", async () => {
    expect(scheduledUrl("http://127.0.0.1:8787", at("2026-12-01T09:15:00Z"))).toBe(
      `http://127.0.0.1:8787/cdn-cgi/local/scheduled?cron=*%2F15+*+*+*+*&time=${at("2026-12-01T09:15:00Z")}`,
    );
    const asked: string[] = [];
    const answer = (status: number) => async (url: RequestInfo | URL) => {
      asked.push(String(url));
      return new Response("", { status });
    };
    await fireOver(answer(200) as typeof fetch, "http://127.0.0.1:8787")(0);
    await expect(fireOver(answer(500) as typeof fetch, "http://127.0.0.1:8787")(0)).rejects.toThrow(
      "HTTP 500",
    );
    expect(asked[0]).toContain("/cdn-cgi/local/scheduled?cron=");
  });
});

describe("npm start's quiet output", () => {
  it("sums up the migrations in one line, or says the database is up to date", () => {
    const applied = [
      "Migrations to be applied:",
      "│ 0001_init.sql             │",
      "│ 0013_rotation_tally.sql   │",
      "? About to apply 13 migration(s)",
      "│ 0001_init.sql             │ ✅     │",
    ].join("\n");
    expect(summarizeMigrations(applied)).toBe(
      "D1: applied 13 migrations to the local database (0001_init.sql … 0013_rotation_tally.sql)",
    );
    expect(summarizeMigrations("✅ No migrations to apply!")).toBe("D1: the local database is up to date");
  });

  it("drops wrangler's banner, bindings, types notice and cron warning, keeps the worker's errors", () => {
    const keep = wranglerDevFilter();
    const lines = [
      " ⛅️ wrangler 4.156.2 (update available 4.164.0)",
      "───────────────────────────────────────────────",
      "Using secrets defined in .dev.vars",
      "Your Worker has access to the following bindings:",
      "Binding                                         Resource                  Mode",
      "env.JOBS (guyub-jobs)                           Queue                     local",
      "",
      "❓ Your types might be out of date. Re-run `wrangler types` to ensure your types are correct.",
      "\u001b[33m▲ \u001b[43;33m[\u001b[43;30mWARNING\u001b[43;33m]\u001b[0m \u001b[1mScheduled Workers are not automatically triggered during local development.\u001b[0m",
      "",
      "  To manually trigger a scheduled event, run:",
      '    curl "http://127.0.0.1:8787/cdn-cgi/local/scheduled"',
      "  For more details, see https://developers.cloudflare.com/workers/configuration/cron-triggers/",
      "",
      "⎔ Starting local server...",
      "[wrangler:info] Ready on http://127.0.0.1:8787",
      "[wrangler:info] GET /healthz 200 OK (14387ms)",
      "[wrangler:info] GET /cdn-cgi/local/scheduled 200 OK (40ms)",
      "✘ [ERROR] command failed Error: boom",
      "[wrangler:info] POST /slack/commands 200 OK (12ms)",
    ];
    expect(lines.filter(keep)).toEqual([
      "✘ [ERROR] command failed Error: boom",
      "[wrangler:info] POST /slack/commands 200 OK (12ms)",
    ]);
  });

  it("splits chunks into whole lines", () => {
    const seen: string[] = [];
    const split = lineSplitter((line) => seen.push(line));
    split.push("one\ntw");
    split.push("o\r\nthree");
    expect(seen).toEqual(["one", "two"]);
    split.flush();
    expect(seen).toEqual(["one", "two", "three"]);
  });
});
