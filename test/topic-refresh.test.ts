import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import type { Community } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { readPlan } from "../src/features/meetings/plan-read.ts";
import { topicRefresh } from "../src/features/topics/refresh-job.ts";
import { topicFor } from "../src/features/topics/refresh-store.ts";
import { resetDb } from "./support/db.ts";
import { drain, seedCommunity, testDelivery } from "./support/delivery.ts";
import { packedButton } from "./support/interactions.ts";
import { RecordingQueue } from "./support/queue.ts";
import {
  ledger,
  pressAt,
  rows,
  seedMembers,
  seedTopic,
  seedVotes,
  seedWeekly,
  store,
  tick,
} from "./support/topic-refresh.ts";
import { isolate, resetStandins, sentTo, testEnv } from "./support/worker.ts";

// Weekly on Tuesdays at 19:00 UTC from 2 March 2027; the first meeting ended at 20:00.
const AFTER_FIRST = new Date("2027-03-02T20:30:00Z");
const NEXT = "2027-03-09";
const KINDS = [topicRefresh];

let community: Community;
const topics = { rubrics: 0, projects: 0, parents: 0, quiet: 0 };

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  community = await seedCommunity("slack");
  await seedMembers(community.id, "U0AYU", "U0BUDI", "U0CITRA");
  await seedWeekly(community.id, "2027-03-02");
  topics.rubrics = await seedTopic(community.id, "Assessment rubrics", "2027-01-10T00:00:00Z");
  topics.projects = await seedTopic(community.id, "Project-based learning", "2027-01-11T00:00:00Z");
  topics.parents = await seedTopic(community.id, "Talking with parents", "2027-01-12T00:00:00Z");
  topics.quiet = await seedTopic(community.id, "Classroom plants", "2027-01-13T00:00:00Z");
  await seedVotes(community.id, topics.rubrics, "2027-03-01T00:00:00Z", "V1", "V2", "V3");
  await seedVotes(community.id, topics.projects, "2027-03-01T00:00:00Z", "V1", "V2");
  await seedVotes(community.id, topics.parents, "2027-03-01T00:00:00Z", "V1");
});

/** Who hosts `day` by the rotation as of `at`. */
async function hostOf(day: string, at: Date): Promise<string | null> {
  const { meetings } = await readPlan(
    { community: { id: community.id, timezone: "UTC" }, now: at, store: store() },
    4,
  );
  return meetings?.find((m) => m.scheduledDay === day)?.host ?? null;
}

const choices = () =>
  rows<{
    meeting_day: string;
    topic_id: number;
    source: string;
    candidates: string;
    chosen_by: string | null;
  }>("SELECT meeting_day, topic_id, source, candidates, chosen_by FROM meeting_topics ORDER BY meeting_day");
const offers = () =>
  rows<{ idempotency_key: string; target: string }>(
    "SELECT idempotency_key, target FROM outbox WHERE idempotency_key LIKE 'topics:%' ORDER BY id",
  );
const dmsTo = async (userId: string) =>
  (await sentTo("slack")).filter(
    (c) =>
      c.method === "chat.postMessage" && (c.body as { channel?: string }).channel === `D${userId.slice(1)}`,
  );

describe("the topic refresh job", () => {
  it("right after a meeting chooses the next one's topic by the rule and offers the host the top 3, once", async () => {
    const host = await hostOf(NEXT, AFTER_FIRST);
    expect(host).not.toBeNull();
    const first = await tick(AFTER_FIRST, KINDS);
    expect(first.periods).toEqual([NEXT, "week:2027-03-01"]);
    // The same cron moment again, and an hour later: nothing new is claimed, chosen or sent.
    const again = await tick(AFTER_FIRST, KINDS);
    const later = await tick(new Date(AFTER_FIRST.getTime() + 60 * 60 * 1000), KINDS);
    expect([again.periods, later.periods]).toEqual([[], []]);

    expect(await choices()).toEqual([
      {
        meeting_day: NEXT,
        topic_id: topics.rubrics,
        source: "rule",
        candidates: JSON.stringify([topics.rubrics, topics.projects, topics.parents]),
        chosen_by: null,
      },
    ]);
    expect(await offers()).toEqual([{ idempotency_key: `topics:${NEXT}:${host}`, target: host }]);

    const { deps, queue } = testDelivery({ clock: () => new Date(AFTER_FIRST.getTime() + 1000) });
    await drain(deps, queue, [...first.outbox, ...again.outbox, ...later.outbox]);
    const dms = await dmsTo(host ?? "");
    expect(dms).toHaveLength(1);
    const body = JSON.stringify(dms[0]?.body);
    for (const title of ["Assessment rubrics", "Project-based learning", "Talking with parents"])
      expect(body).toContain(title);
    expect(body).not.toContain("Classroom plants");
    expect(body).toContain(`topic.choose:${community.id}:${NEXT}:${topics.projects}`);
    expect(await topicFor(createDb(env.DB), community.id, NEXT)).toBe("Assessment rubrics");
  });

  it("a repeated run for one meeting (a redelivered job) keeps the first choice and sends nothing more", async () => {
    const queue = new RecordingQueue();
    const deps = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(AFTER_FIRST);
    expect(await topicRefresh.run(deps, { communityId: community.id, period: NEXT })).toEqual({
      status: "done",
    });
    // Votes change between the runs: a second choice would now pick another topic.
    await seedVotes(community.id, topics.quiet, "2027-03-02T20:00:00Z", "W1", "W2", "W3", "W4", "W5");
    const later = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(new Date(AFTER_FIRST.getTime() + 3600_000));
    await topicRefresh.run(later, { communityId: community.id, period: NEXT });
    await topicRefresh.run(later, { communityId: community.id, period: "week:2027-03-01" });
    expect((await choices()).map((c) => [c.meeting_day, c.topic_id])).toEqual([[NEXT, topics.rubrics]]);
    expect(await offers()).toHaveLength(1);
    expect(queue.take()).toHaveLength(1);
  });

  it("two runs for one meeting at the same moment (a race) make one choice and one offer", async () => {
    const queue = new RecordingQueue();
    const depsAt = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }));
    const item = { communityId: community.id, period: NEXT };
    const results = await Promise.all([
      topicRefresh.run(depsAt(AFTER_FIRST), item),
      topicRefresh.run(depsAt(AFTER_FIRST), item),
    ]);
    expect(results).toEqual([{ status: "done" }, { status: "done" }]);
    expect(await choices()).toHaveLength(1);
    expect(await offers()).toHaveLength(1);
  });

  it("the host chooses with a button before the announcement; others are refused; after it the topic stands", async () => {
    const host = (await hostOf(NEXT, AFTER_FIRST)) ?? "";
    const other = ["U0AYU", "U0BUDI", "U0CITRA"].find((u) => u !== host) ?? "";
    await tick(AFTER_FIRST, KINDS);
    const at = new Date("2027-03-03T09:00:00Z");
    const send = isolate({ now: () => at, sessionCacheMs: 0 });
    const button = packedButton(community.id, "topic.choose", [NEXT, String(topics.projects)]);
    const replies = async () =>
      (await sentTo("slack")).filter((c) => c.method === "response_url").map((c) => JSON.stringify(c.body));

    await send(await pressAt(button, other, at));
    expect((await choices())[0]).toMatchObject({ topic_id: topics.rubrics, source: "rule", chosen_by: null });
    expect((await replies()).at(-1)).toContain("Only the host of this meeting can choose its topic.");

    await send(await pressAt(button, host, at));
    expect((await choices())[0]).toMatchObject({
      topic_id: topics.projects,
      source: "host",
      chosen_by: host,
    });
    expect((await replies()).at(-1)).toContain("will discuss “Project-based learning”");
    expect(await topicFor(createDb(env.DB), community.id, NEXT)).toBe("Project-based learning");

    // A topic that was not offered is refused whatever the button says.
    await send(
      await pressAt(packedButton(community.id, "topic.choose", [NEXT, String(topics.quiet)]), host, at),
    );
    expect((await choices())[0]).toMatchObject({ topic_id: topics.projects });

    // The announcement went out: the topic stands.
    await env.DB.prepare(
      "INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, created_at, updated_at) VALUES (?, ?, 'post', 'C0GENERAL', '{}', 'sent', ?, ?)",
    )
      .bind(community.id, `announce:${NEXT}`, at.toISOString(), at.toISOString())
      .run();
    const back = packedButton(community.id, "topic.choose", [NEXT, String(topics.rubrics)]);
    await send(await pressAt(back, host, at));
    expect((await choices())[0]).toMatchObject({ topic_id: topics.projects, source: "host" });
    expect((await replies()).at(-1)).toContain("The announcement has gone out, so the topic stands");
  });

  it("after a pass the new host is offered the choice, and only they may choose", async () => {
    await tick(AFTER_FIRST, KINDS);
    const oldHost = (await hostOf(NEXT, AFTER_FIRST)) ?? "";
    const newHost = ["U0AYU", "U0BUDI", "U0CITRA"].find((u) => u !== oldHost && u !== "U0AYU") ?? "";
    const passAt = new Date("2027-03-03T08:00:00Z");
    const id = await ledger(community.id, "passed", NEXT, oldHost, passAt.toISOString(), newHost);
    expect(await hostOf(NEXT, passAt)).toBe(newHost);

    const tickAt = new Date("2027-03-03T08:15:00Z");
    const run = await tick(tickAt, KINDS);
    expect(run.periods).toEqual([`${NEXT}#${id}`]);
    expect((await offers()).map((o) => o.idempotency_key)).toEqual([
      `topics:${NEXT}:${oldHost}`,
      `topics:${NEXT}:${newHost}`,
    ]);
    expect(await tick(new Date("2027-03-03T09:15:00Z"), KINDS)).toEqual({ periods: [], outbox: [] });
    expect(await choices()).toHaveLength(1);

    const send = isolate({ now: () => tickAt, sessionCacheMs: 0 });
    const button = packedButton(community.id, "topic.choose", [NEXT, String(topics.parents)]);
    await send(await pressAt(button, oldHost, tickAt));
    expect((await choices())[0]).toMatchObject({ source: "rule", chosen_by: null });
    await send(await pressAt(button, newHost, tickAt));
    expect((await choices())[0]).toMatchObject({
      topic_id: topics.parents,
      source: "host",
      chosen_by: newHost,
    });
  });

  it("after an accepted swap the new host is offered the choice; a host who already chose is not asked again", async () => {
    await tick(AFTER_FIRST, KINDS);
    const oldHost = (await hostOf(NEXT, AFTER_FIRST)) ?? "";
    const newHost = ["U0AYU", "U0BUDI", "U0CITRA"].find((u) => u !== oldHost && u !== "U0AYU") ?? "";
    const at = new Date("2027-03-03T08:00:00Z");
    const id = await ledger(community.id, "swapped", NEXT, newHost, at.toISOString(), oldHost);
    expect(await hostOf(NEXT, at)).toBe(newHost);
    expect((await tick(new Date("2027-03-03T08:15:00Z"), KINDS)).periods).toEqual([`${NEXT}#${id}`]);
    expect((await offers()).map((o) => o.target)).toEqual([oldHost, newHost]);

    // The new host chooses; a later swap back is no reason to ask anyone again.
    const send = isolate({ now: () => at, sessionCacheMs: 0 });
    await send(
      await pressAt(packedButton(community.id, "topic.choose", [NEXT, String(topics.parents)]), newHost, at),
    );
    expect((await choices())[0]).toMatchObject({ source: "host", chosen_by: newHost });
    await ledger(community.id, "swapped", NEXT, "U0AYU", "2027-03-04T08:00:00Z", newHost);
    expect((await tick(new Date("2027-03-04T08:15:00Z"), KINDS)).periods).toEqual([]);
    expect(await offers()).toHaveLength(2);
  });

  it("a held meeting's topic is marked discussed and left out of the next choices", async () => {
    await tick(AFTER_FIRST, KINDS);
    // The meeting of 9 March is held; right after it the refresh chooses for 16 March.
    await ledger(community.id, "hosted", NEXT, "U0BUDI", "2027-03-09T20:05:00Z");
    await tick(new Date("2027-03-09T20:15:00Z"), KINDS);
    const [discussed] = await rows<{ last_discussed_on: string }>(
      "SELECT last_discussed_on FROM topics WHERE id = ?",
      topics.rubrics,
    );
    expect(discussed?.last_discussed_on).toBe(NEXT);
    expect((await choices()).map((c) => [c.meeting_day, c.topic_id])).toEqual([
      [NEXT, topics.rubrics],
      ["2027-03-16", topics.projects],
    ]);
  });

  it("archives open topics nobody voted for in 90 days, except pinned ones and one chosen for a coming meeting", async () => {
    // After the meeting of 25 May the refresh chooses rubrics (votes of 1 March, 85 days old) for 1 June.
    await tick(new Date("2027-05-25T20:30:00Z"), KINDS);
    expect((await choices()).map((c) => [c.meeting_day, c.topic_id])).toEqual([
      ["2027-06-01", topics.rubrics],
    ]);
    // Suggested on 13 January, never supported: archived already.
    expect((await rows("SELECT status FROM topics WHERE id = ?", topics.quiet))[0]).toEqual({
      status: "archived",
    });
    const old = "2027-02-01T00:00:00Z";
    const stale = await seedTopic(community.id, "Nobody cares", old);
    const voted = await seedTopic(community.id, "Still wanted", old);
    await seedVotes(community.id, voted, "2027-05-20T00:00:00Z", "V9");
    const fresh = await seedTopic(community.id, "New idea", "2027-05-25T00:00:00Z");
    const pinned = await seedTopic(community.id, "Pinned old", old, { pinned: true });

    const now = new Date("2027-06-01T09:30:00Z"); // the weekly run; the votes of 1 March are 92 days old
    expect((await tick(now, KINDS)).periods).toEqual(["week:2027-05-31"]);
    const status = async (id: number) =>
      (
        await rows<{ status: string; archived_at: string | null }>(
          "SELECT status, archived_at FROM topics WHERE id = ?",
          id,
        )
      )[0];
    for (const id of [stale, topics.projects, topics.parents])
      expect(await status(id)).toEqual({ status: "archived", archived_at: now.toISOString() });
    for (const id of [voted, fresh, pinned, topics.rubrics]) expect((await status(id))?.status).toBe("open");
  });
});
