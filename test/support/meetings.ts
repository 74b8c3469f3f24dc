import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { jobDepsAt } from "../../src/compose.ts";
import { meetingAnnounce } from "../../src/features/meetings/announce-job.ts";
import { meetingClose } from "../../src/features/meetings/close-job.ts";
import { meetingRemind } from "../../src/features/meetings/remind-job.ts";
import { consumeJobs } from "../../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../../src/jobs/dispatcher.ts";
import type { JobKind } from "../../src/jobs/job-kind.ts";
import type { JobMessage } from "../../src/jobs/job-message.ts";
import { drain, QUICK_PACE, testDelivery } from "./delivery.ts";
import { RecordingQueue } from "./queue.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./slack.ts";
import { isolate, outboxQueue, sentTo, testEnv } from "./worker.ts";

/** The meeting jobs only: other features' jobs would post in the same channel. */
export const MEETING_JOBS = [meetingAnnounce, meetingRemind, meetingClose];

/** Outbox ids the jobs enqueued. */
const jobOutbox = new RecordingQueue();

/**
 * The cron at a simulated moment, `times` times over (a repeated cron run), then the JOBS consumer
 * on what was claimed, each message delivered twice (a redelivered queue message).
 * Returns the claimed periods as `job period`.
 */
export async function dispatchAt(
  at: Date,
  times = 1,
  kinds: readonly JobKind[] = MEETING_JOBS,
): Promise<string[]> {
  const depsAt = jobDepsAt(testEnv({ OUTBOX: jobOutbox.asQueue() }));
  const jobs = new RecordingQueue();
  for (let i = 0; i < times; i++) await dispatchDueJobs(depsAt(at), jobs.asQueue(), kinds);
  const messages = jobs.take().map((m) => m.body as JobMessage);
  const batch = (attempts: number) =>
    createMessageBatch(
      "guyub-jobs",
      messages.map((body, i) => ({ id: `m${i}`, timestamp: at, attempts, body })),
    );
  if (messages.length > 0) {
    await consumeJobs(batch(1), depsAt, kinds);
    await consumeJobs(batch(2), depsAt, kinds);
  }
  return messages.map((m) => `${m.job} ${m.period}`);
}

/**
 * Sends everything the jobs and the app enqueued through the real delivery engine to the stand-ins,
 * at the quick pace (`QUICK_PACE`: what is sent is under test here, not when).
 */
export async function deliverAll(): Promise<void> {
  const ids = [...jobOutbox.take(), ...outboxQueue.take()].map((m) => (m.body as { id: number }).id);
  const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
  await drain(deps, queue, ids);
}

/** What guyub sent to the Slack stand-in, by method: posts in the main channel, updates, DMs. */
export async function slackTraffic() {
  const calls = await sentTo("slack");
  const body = (c: Record<string, unknown>) => c.body as Record<string, unknown>;
  return {
    posts: calls.filter((c) => c.method === "chat.postMessage" && body(c).channel === "C0GENERAL"),
    updates: calls.filter((c) => c.method === "chat.update"),
    dms: calls.filter((c) => c.method === "chat.postMessage" && String(body(c).channel).startsWith("D")),
    replies: calls.filter((c) => c.method === "response_url"),
  };
}

/** `/cop <text>` on Slack at a pinned moment; returns the reply's text. */
export async function slackAt(at: Date, text: string, user = MODERATOR): Promise<string> {
  const send = isolate({ now: () => at, sessionCacheMs: 0 });
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: at.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
}

/** Rows of a table for assertions. */
export async function rows(sql: string, ...binds: unknown[]): Promise<Record<string, unknown>[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all()
  ).results as Record<string, unknown>[];
}

/**
 * A Slack community in Asia/Jakarta with a weekly Tuesday 19:00 meeting scheduled on Wednesday
 * 24 February 2027, and that meeting (2 March) announced and delivered on Saturday 27 February.
 */
export const ANNOUNCED = {
  setup: new Date("2027-02-24T03:00:00Z"),
  announce: new Date("2027-02-27T02:00:00Z"),
  day: "2027-03-02",
} as const;

export async function announcedMeeting(): Promise<void> {
  await slackAt(ANNOUNCED.setup, "timezone Asia/Jakarta");
  await slackAt(ANNOUNCED.setup, "onboarding channel <#C0GENERAL|general>");
  await slackAt(ANNOUNCED.setup, "help", MEMBER);
  await slackAt(ANNOUNCED.setup, "meeting schedule weekly tue 19:00");
  await rows("UPDATE members SET joined_at = '2027-01-01T00:00:00.000Z'");
  expect(await dispatchAt(ANNOUNCED.announce)).toEqual([`meeting-announce ${ANNOUNCED.day}`]);
  await deliverAll();
}
