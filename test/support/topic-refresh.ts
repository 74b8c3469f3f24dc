import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { jobDepsAt } from "../../src/compose.ts";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { consumeJobs } from "../../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../../src/jobs/dispatcher.ts";
import type { JobKind } from "../../src/jobs/job-kind.ts";
import type { JobMessage } from "../../src/jobs/job-message.ts";
import { RecordingQueue } from "./queue.ts";
import { signedSlack, TEAM } from "./slack.ts";
import { standinsBase } from "./standins-url.ts";
import { testEnv } from "./worker.ts";

/** Seeding and driving helpers for the topic refresh tests (test/topic-refresh*.test.ts). */

export const store = () => createCommunityStore(createDb(env.DB), env.DB);

/** Active members who joined long ago: all eligible hosts. */
export async function seedMembers(communityId: number, ...userIds: string[]): Promise<void> {
  for (const userId of userIds)
    await env.DB.prepare(
      "INSERT INTO members (community_id, platform_user_id, joined_at, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
      .bind(communityId, userId)
      .run();
}

/** A weekly series from `firstDay` at 19:00 (community time), 60 minutes. */
export async function seedWeekly(communityId: number, firstDay: string): Promise<void> {
  await env.DB.prepare(
    "INSERT INTO meeting_series (community_id, cadence, first_day, start_minute, minutes, updated_at) VALUES (?, 'weekly', ?, 1140, 60, '2026-01-01T00:00:00Z')",
  )
    .bind(communityId, firstDay)
    .run();
}

/** An open topic; returns its id. */
export async function seedTopic(
  communityId: number,
  title: string,
  createdAt: string,
  options: { pinned?: boolean; status?: string } = {},
): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO topics (community_id, title, title_key, suggested_by, pinned, status, created_at, updated_at) VALUES (?, ?, ?, 'U0SUGGEST', ?, ?, ?, ?) RETURNING id",
  )
    .bind(
      communityId,
      title,
      title.toLowerCase(),
      options.pinned ? 1 : 0,
      options.status ?? "open",
      createdAt,
      createdAt,
    )
    .first<{ id: number }>();
  return row?.id ?? 0;
}

/** One vote per voter, all cast at `votedAt`. */
export async function seedVotes(communityId: number, topicId: number, votedAt: string, ...voters: string[]) {
  for (const voter of voters)
    await env.DB.prepare(
      "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, ?, ?, ?)",
    )
      .bind(communityId, topicId, voter, votedAt)
      .run();
}

/** A ledger entry, as the rotation and meeting features record them; returns its id. */
export async function ledger(
  communityId: number,
  kind: string,
  day: string,
  memberId: string | null,
  at: string,
  other: string | null = null,
): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, other_member_id, reason, created_at) VALUES (?, ?, ?, ?, ?, 'test', ?) RETURNING id",
  )
    .bind(communityId, kind, day, memberId, other, at)
    .first<{ id: number }>();
  return row?.id ?? 0;
}

/**
 * A cron tick at `now` through the real dispatcher (claims in job_runs) and the real JOBS
 * consumer, for the given job kinds. Returns the periods claimed and the outbox ids queued.
 */
export async function tick(
  now: Date,
  kinds: readonly JobKind[],
): Promise<{ periods: string[]; outbox: number[] }> {
  const jobs = new RecordingQueue();
  const outbox = new RecordingQueue();
  const depsAt = jobDepsAt(testEnv({ OUTBOX: outbox.asQueue() }));
  await dispatchDueJobs(depsAt(now), jobs.asQueue(), kinds);
  const messages = jobs.take().map((m) => m.body as JobMessage);
  const batch = createMessageBatch(
    "guyub-jobs",
    messages.map((body, i) => ({ id: `m${i}`, timestamp: now, attempts: 1, body })),
  );
  await consumeJobs(batch, depsAt, kinds);
  return {
    periods: messages.map((m) => m.period).sort(),
    outbox: outbox.take().map((m) => (m.body as { id: number }).id),
  };
}

/** A Slack button press signed at `at` (the app's pinned clock), as `user`. */
export async function pressAt(packed: string, user: string, at: Date): Promise<Request> {
  const payload = {
    type: "block_actions",
    team: { id: TEAM, domain: "guru-penggerak" },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: "A0GUYUB",
    token: "legacy",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "D0DM", is_ephemeral: false },
    trigger_id: `${at.getTime()}.${Math.random().toString().slice(2)}.abc`,
    channel: { id: "D0DM", name: "directmessage" },
    response_url: `${standinsBase()}/slack/response/${crypto.randomUUID()}`,
    actions: [
      { action_id: packed, block_id: "b1", type: "button", value: packed, action_ts: "1700000000.1" },
    ],
  };
  return signedSlack(
    "/slack/interactions",
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    {
      timestamp: Math.floor(at.getTime() / 1000),
    },
  );
}

/** Rows of one query, for assertions. */
export async function rows<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...binds)
      .all<T>()
  ).results;
}
