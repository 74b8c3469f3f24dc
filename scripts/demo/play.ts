/**
 * Plays the scenario against a running world: simulated time moves hour by hour; each hour the
 * Worker's scheduled handler fires with that hour as its time (as the cron would), then the
 * scenario's steps of that hour run at their own minutes. After every move the driver waits for
 * guyub to be quiet (no job claimed or running, no message pending) and collects what arrived.
 */
import type { Miniflare } from "miniflare";
import { HOUR_MS } from "../../src/core/durations.ts";
import { committedHost } from "../../src/features/meetings/closing.ts";
import type { LedgerEntry } from "../../src/features/rotation/types.ts";
import { type Clock, minuteOf } from "./clock.ts";
import { ConversationForm, type DemoMember, type Driver } from "./driver.ts";
import type { Lang, Scene, Step } from "./scenario.ts";
import { DAYS, scenario } from "./scenario.ts";
import type { Transcript } from "./transcript.ts";

/**
 * Local hours the cron fires at when no member acts: those at which guyub has something to do
 * (digest 08:00, announcements and nudges 09:00, follow-ups and housekeeping 10:00, reminders
 * 18:00 and 19:00, closing and the next topic after the meeting); every hour in which a member
 * acts fires too. In production the cron fires every quarter-hour; each job catches up on a due
 * moment it missed (the hourly member list and Discord activity read at the next firing), so
 * firing less often changes when, not what.
 */
const CRON_HOURS: ReadonlySet<number> = new Set([8, 9, 10, 18, 19, 20, 21]);
const QUIET_TIMEOUT_MS = 60_000;

export interface Played {
  readonly clock: Clock;
  /** Scheduled runs fired (one per simulated hour). */
  hours: number;
  /** Scenario steps in the order they ran, with their simulated time. */
  readonly steps: { at: number; platform: string; what: string }[];
}

type Row = Record<string, unknown>;

/** Runs one statement on the world's D1 from Node (reads only: the demo's own checks). */
export async function query(mf: Miniflare, sql: string, ...params: unknown[]): Promise<Row[]> {
  const db = await mf.getD1Database("DB");
  const result = await db
    .prepare(sql)
    .bind(...params)
    .all<Row>();
  return result.results;
}

/**
 * Waits until guyub has nothing in flight: no job claimed, running or failed, no message pending,
 * `polls` times in a row. After a scheduled run one look suffices (the dispatcher has claimed
 * everything before it returns); after a request, work its handler left running gets a moment.
 */
async function quiet(mf: Miniflare, polls = 2): Promise<void> {
  const deadline = Date.now() + QUIET_TIMEOUT_MS;
  let calm = 0;
  while (calm < polls) {
    const [row] = await query(
      mf,
      `SELECT (SELECT count(*) FROM job_runs WHERE status IN ('claimed', 'running', 'failed')) AS jobs,
              (SELECT count(*) FROM outbox o JOIN communities c ON c.id = o.community_id
                 WHERE o.status = 'pending' AND c.delivery_paused = 0) AS pending`,
    );
    calm = Number(row?.jobs) === 0 && Number(row?.pending) === 0 ? calm + 1 : 0;
    if (Date.now() > deadline) throw new Error(`guyub did not settle: ${JSON.stringify(row)}`);
    if (calm < polls) await new Promise((r) => setTimeout(r, calm > 0 ? 15 : 5));
  }
}

/** The member hosting `day` on `platform`, from the ledger as guyub itself reads it. */
async function hostOn(mf: Miniflare, platform: string, day: string, people: readonly DemoMember[]) {
  const rows = await query(
    mf,
    `SELECT l.kind, l.meeting_day, l.member_id, l.other_member_id, l.reason FROM rotation_ledger l
       JOIN communities c ON c.id = l.community_id WHERE c.platform = ? ORDER BY l.id`,
    platform,
  );
  const entries: LedgerEntry[] = rows.map((r) => ({
    kind: r.kind as LedgerEntry["kind"],
    meetingDate: String(r.meeting_day),
    reason: String(r.reason),
    ...(r.member_id ? { memberId: String(r.member_id) } : {}),
    ...(r.other_member_id ? { otherMemberId: String(r.other_member_id) } : {}),
  }));
  const id = committedHost(entries, day);
  const member = people.find((m) => m.slackId === id || m.discordId === id || m.telegramId === id);
  if (!member) throw new Error(`nobody hosts ${day} on ${platform} (ledger says ${id})`);
  return member;
}

/** The open topic with this title in the platform's community, as `/cop topic list` numbers it. */
async function topicId(mf: Miniflare, platform: string, title: string): Promise<number> {
  const [row] = await query(
    mf,
    `SELECT t.id FROM topics t JOIN communities c ON c.id = t.community_id
      WHERE c.platform = ? AND t.title = ? AND t.status = 'open'`,
    platform,
    title,
  );
  if (!row) throw new Error(`no open topic "${title}" on ${platform}`);
  return Number(row.id);
}

export async function play(
  mf: Miniflare,
  clock: Clock,
  drivers: readonly Driver[],
  people: readonly DemoMember[],
  lang: Lang,
  transcript: Transcript,
  onDay?: (day: number) => void,
): Promise<Played> {
  // Miniflare's Fetcher has scheduled() (its types lean on workers-types, not installed here).
  const worker = (await mf.getWorker()) as unknown as {
    scheduled(options: { scheduledTime: Date; cron: string }): Promise<{ outcome: string }>;
  };
  const steps = scenario(lang);
  const played: Played = { clock, hours: 0, steps: [] };
  const scenes = drivers.map(
    (d): Scene => ({
      d: settling(d, () => quiet(mf)),
      lang,
      host: (day) => hostOn(mf, d.platform, day, people),
      topic: (title) => topicId(mf, d.platform, title),
      mention: (m) =>
        d.platform === "slack"
          ? `<@${m.slackId}>`
          : d.platform === "discord"
            ? `<@${m.discordId}>`
            : `@${m.handle}_demo`,
    }),
  );
  const timing = { scheduled: 0, quiet: 0 };
  const end = clock.at(DAYS, 0);
  for (let hour = clock.at(0, 0); hour < end; hour += HOUR_MS) {
    const { day, minute } = clock.local(hour);
    if (minute === 0) onDay?.(day);
    const due = steps.filter((s) => {
      const at = clock.at(s.day, minuteOf(s.time));
      return at >= hour && at < hour + HOUR_MS;
    });
    if (due.length === 0 && !CRON_HOURS.has(Math.floor(minute / 60))) continue;
    clock.set(hour);
    const t0 = performance.now();
    const run = await worker.scheduled({ scheduledTime: new Date(hour), cron: "*/15 * * * *" });
    if (run.outcome !== "ok")
      throw new Error(`the scheduled run at ${new Date(hour).toISOString()} ended "${run.outcome}"`);
    played.hours += 1;
    const t1 = performance.now();
    await quiet(mf, 1);
    timing.scheduled += t1 - t0;
    timing.quiet += performance.now() - t1;
    transcript.collect(hour);
    for (const s of due) {
      const at = clock.at(s.day, minuteOf(s.time));
      clock.set(at);
      for (const scene of scenes) {
        const step = { at, platform: scene.d.platform, what: s.what };
        played.steps.push(step);
        if ((await runStep(s, scene)) === "form-left-out")
          step.what = `${s.what} (${lang === "id" ? "formulir lewat percakapan belum dijawab di demo ini" : "the form, a private conversation here, is left unanswered in this demo"})`;
        await quiet(mf);
        transcript.collect(at);
      }
    }
  }
  // `DEMO_TIMING=1`: where the time went, and the job runs behind it.
  if (process.env.DEMO_TIMING) {
    console.error(timing);
    console.error(await query(mf, "SELECT job, status, count(*) AS n FROM job_runs GROUP BY job, status"));
  }
  return played;
}

/**
 * The driver, waiting after each button press until guyub is quiet: the next member then sees the
 * message as guyub last edited it (an RSVP count, say), the same in every run.
 */
function settling(d: Driver, settle: () => Promise<void>): Driver {
  return {
    platform: d.platform,
    ...(d.submitsForms === false ? { submitsForms: false } : {}),
    idOf: (m) => d.idOf(m),
    mainChannel: () => d.mainChannel(),
    join: (m) => d.join(m),
    speak: (m) => d.speak(m),
    command: (m, text, root) => d.command(m, text, root),
    submit: (m, answers) => d.submit(m, answers),
    async press(m, where, action, arg) {
      const reply = await d.press(m, where, action, arg);
      await settle();
      return reply;
    },
  };
}

async function runStep(s: Step, scene: Scene): Promise<"done" | "form-left-out"> {
  try {
    await s.run(scene);
    return "done";
  } catch (error) {
    if (error instanceof ConversationForm) return "form-left-out";
    throw new Error(
      `${scene.d.platform}, day ${s.day} ${s.time} "${s.what}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
