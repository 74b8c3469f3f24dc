import { env } from "cloudflare:workers";
import { jobDepsAt } from "../../src/compose.ts";
import { NUDGES_JOB, nudges } from "../../src/features/nudges/jobs.ts";
import { RecordingQueue } from "./queue.ts";
import { testEnv } from "./worker.ts";

/** A member as the nudge rules see them; everything not given is a plain quiet member. */
export interface SeedMember {
  readonly user: string;
  readonly status?: "active" | "paused" | "alumni";
  readonly createdAt?: string;
  readonly joinedAt?: string;
  readonly lastActiveOn?: string | null;
  readonly optedOut?: boolean;
  readonly snoozedUntil?: string;
  readonly lastNudgedAt?: string;
  readonly needs?: string;
}

/** Inserts members (and their nudge rows and profiles) straight into D1. */
export async function seedMembers(communityId: number, members: readonly SeedMember[]): Promise<void> {
  for (const m of members) {
    const created = m.createdAt ?? "2026-06-01T00:00:00.000Z";
    const row = await env.DB.prepare(
      `INSERT INTO members (community_id, platform_user_id, status, joined_at, last_active_on, nudges_opt_out, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
      .bind(
        communityId,
        m.user,
        m.status ?? "active",
        m.joinedAt ?? created,
        m.lastActiveOn === undefined ? "2027-01-01" : m.lastActiveOn,
        m.optedOut ? 1 : 0,
        created,
        created,
      )
      .first<{ id: number }>();
    if (m.snoozedUntil || m.lastNudgedAt) {
      await env.DB.prepare(
        "INSERT INTO member_nudges (member_id, community_id, snoozed_until, last_nudged_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      )
        .bind(row?.id, communityId, m.snoozedUntil ?? null, m.lastNudgedAt ?? null, created)
        .run();
    }
    if (m.needs) {
      await env.DB.prepare(
        "INSERT INTO profiles (community_id, member_id, does, shares, needs, frequency, intro_consent, findable, answered_at, updated_at) VALUES (?, ?, 'teach', 'notes', ?, 'monthly', 0, 0, ?, ?)",
      )
        .bind(communityId, row?.id, m.needs, created, created)
        .run();
    }
  }
}

/** Runs the nudge job as the dispatcher would at `now`: whatever is due, each claimed period once. */
export async function runNudges(now: Date): Promise<{ periods: string[]; queued: number[] }> {
  const queue = new RecordingQueue();
  const deps = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(now);
  const due = await nudges.due(deps);
  for (const item of due) {
    await env.DB.prepare(
      "INSERT INTO job_runs (job, community_id, period, scheduled_at, claimed_at) VALUES (?, ?, ?, ?, ?)",
    )
      .bind(NUDGES_JOB, item.communityId, item.period, now.toISOString(), now.toISOString())
      .run();
    await nudges.run(deps, item);
  }
  return {
    periods: due.map((d) => d.period),
    queued: queue.take().map((m) => (m.body as { id: number }).id),
  };
}

/** Nudge DMs in the outbox: target and parsed message, oldest first. */
export async function nudgeRows(): Promise<
  { key: string; target: string; message: { blocks: unknown[] } }[]
> {
  const rows = await env.DB.prepare(
    "SELECT idempotency_key AS key, target, payload FROM outbox WHERE idempotency_key LIKE 'nudge:%' ORDER BY id",
  ).all<{ key: string; target: string; payload: string }>();
  return rows.results.map((r) => ({ key: r.key, target: r.target, message: JSON.parse(r.payload).message }));
}
