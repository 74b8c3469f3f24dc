import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { createDb, runBatch } from "../src/db/client.ts";
import { reportEscalation } from "../src/features/reports/escalation-job.ts";
import { escalationCandidates, escalationQueries } from "../src/features/reports/escalation-store.ts";
import { consumeJobs } from "../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { resetDb } from "./support/db.ts";
import { drain, seedCommunity, testDelivery } from "./support/delivery.ts";
import { RecordingQueue } from "./support/queue.ts";
import { resetStandins, sentTo, testEnv } from "./support/worker.ts";

// Issue 23: a report nobody claimed within 24 hours goes to every moderator privately, once.
const NOW = new Date("2027-03-02T09:07:00Z");
const PERIOD_AT = "2027-03-02T09:00:00.000Z"; // the quarter-hour NOW falls in: the run's time
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();
const KINDS = [reportEscalation];

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** One cron tick at `at` with the escalation job only, its claimed runs consumed as the queue would. */
async function tick(at: Date): Promise<number> {
  const queue = new RecordingQueue();
  const { claimed } = await dispatchDueJobs(jobDepsAt(testEnv())(at), queue.asQueue(), KINDS);
  const bodies = queue.takeWork().map((m) => m.body as JobMessage);
  const batch = createMessageBatch(
    "guyub-jobs",
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: at, attempts: 1, body })),
  );
  await consumeJobs(batch, jobDepsAt(testEnv()), KINDS);
  return claimed;
}

async function community(workspace: string, locale = "en", timezone = "UTC"): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, locale, timezone, created_at, updated_at) VALUES ('slack', ?, ?, ?, ?, ?) RETURNING id",
  )
    .bind(workspace, locale, timezone, ago(1000), ago(1000))
    .first<{ id: number }>();
  return row?.id ?? 0;
}

function member(communityId: number, user: string, fields: { mod?: 1; admin?: 1; status?: string } = {}) {
  return env.DB.prepare(
    `INSERT INTO members (community_id, platform_user_id, status, is_moderator, platform_admin, joined_at, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)`,
  ).bind(communityId, user, fields.status ?? "active", fields.mod ?? 0, fields.admin ?? null, ago(1000));
}

/** The usual community: a moderator, a platform admin, a member, a former moderator now alumni. */
async function staffed(workspace = "T0ONE", locale = "en"): Promise<number> {
  const id = await community(workspace, locale);
  await env.DB.batch([
    member(id, "U0MOD", { mod: 1 }),
    member(id, "U0ADMIN", { admin: 1 }),
    member(id, "U0MEMBER"),
    member(id, "U0GONE", { mod: 1, status: "alumni" }),
  ]);
  return id;
}

async function report(
  communityId: number,
  subject: string,
  createdAt: string,
  fields: { status?: string; link?: string | null; count?: number; closedAt?: string } = {},
): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO reports (community_id, subject, reported_user, message_link, snapshot, report_count, status, created_at, closed_at)
     VALUES (?, ?, 'U0BUDI', ?, 'SEALED-SNAPSHOT', ?, ?, ?, ?) RETURNING id`,
  )
    .bind(
      communityId,
      subject,
      fields.link === undefined ? "https://example.slack.com/archives/C0GENERAL/p1" : fields.link,
      fields.count ?? 1,
      fields.status ?? "open",
      createdAt,
      fields.closedAt ?? null,
    )
    .first<{ id: number }>();
  return row?.id ?? 0;
}

const dms = async () =>
  (
    await env.DB.prepare(
      "SELECT community_id AS community, idempotency_key AS key, kind, target, payload FROM outbox ORDER BY id",
    ).all<{ community: number; key: string; kind: string; target: string; payload: string }>()
  ).results;
const escalatedAt = async (id: number) =>
  (
    await env.DB.prepare("SELECT escalated_at FROM reports WHERE id = ?")
      .bind(id)
      .first<{ escalated_at: string | null }>()
  )?.escalated_at ?? null;

describe("report escalation", () => {
  it("a report 23 hours old: nothing is due, nothing sent", async () => {
    const id = await staffed();
    const waiting = await report(id, "message:C0GENERAL:1.1", ago(23));
    expect(await tick(NOW)).toBe(0);
    expect(await dms()).toEqual([]);
    expect(await escalatedAt(waiting)).toBeNull();
  });

  it("25 hours: one DM per moderator and platform admin, escalated_at set; never twice", async () => {
    const id = await staffed();
    await env.DB.prepare(
      "INSERT INTO report_settings (community_id, channel_id, updated_at) VALUES (?, 'C0MODS', ?)",
    )
      .bind(id, ago(100))
      .run();
    const waiting = await report(id, "message:C0GENERAL:1.1", ago(25), { count: 3 });
    expect(await tick(NOW)).toBe(1);
    const sent = await dms();
    expect(sent.map((dm) => [dm.kind, dm.target, dm.key])).toEqual([
      ["dm", "U0MOD", `report-escalation:${waiting}:U0MOD`],
      ["dm", "U0ADMIN", `report-escalation:${waiting}:U0ADMIN`],
    ]);
    const text = sent[0]?.payload ?? "";
    expect(text).toContain("waited more than 24 hours and nobody has claimed it");
    expect(text).toContain("Members who reported it: 3");
    expect(text).toContain("Monday 1 Mar, 08:07"); // when it was made, in the community's zone
    expect(text).toContain('{"channel":"C0MODS"}');
    expect(text).toContain("https://example.slack.com/archives/C0GENERAL/p1");
    expect(text).not.toMatch(/SEALED|U0BUDI/); // never what was reported, nor by or about whom
    expect(await escalatedAt(waiting)).toBe(PERIOD_AT);

    // The next tick claims nothing; the same run delivered again writes nothing more.
    expect(await tick(new Date(NOW.getTime() + 15 * 60_000))).toBe(0);
    const deps = jobDepsAt(testEnv())(NOW);
    expect(await reportEscalation.due(deps)).toEqual([]);
    await reportEscalation.run(deps, { communityId: 0, period: "2027-03-02T09:00Z" });
    await reportEscalation.run(deps, { communityId: 0, period: "2027-03-02T09:30Z" });
    expect(await dms()).toHaveLength(2);
    expect(await escalatedAt(waiting)).toBe(PERIOD_AT);
  });

  it("never reaches the member it is about, even a moderator; nobody else: nothing sent, not marked", async () => {
    const id = await community("T0SELF");
    await env.DB.batch([member(id, "U0BUDI", { mod: 1 }), member(id, "U0MOD", { mod: 1 })]);
    const about = await report(id, "message:C0GENERAL:1.1", ago(25));
    expect(await tick(NOW)).toBe(1);
    expect((await dms()).map((dm) => dm.target)).toEqual(["U0MOD"]);
    const alone = await community("T0ALONE");
    await env.DB.batch([member(alone, "U0BUDI", { mod: 1 })]);
    const unreachable = await report(alone, "message:C0GENERAL:3.3", ago(25));
    await tick(new Date(NOW.getTime() + 15 * 60_000));
    expect((await dms()).map((dm) => dm.target)).toEqual(["U0MOD"]);
    expect(await escalatedAt(about)).toBe(PERIOD_AT);
    expect(await escalatedAt(unreachable)).toBeNull();
  });

  it("a claimed or closed report: nothing", async () => {
    const id = await staffed();
    await report(id, "message:C0GENERAL:1.1", ago(30), { status: "claimed" });
    await report(id, "message:C0GENERAL:2.2", ago(30), { status: "resolved", closedAt: ago(28) });
    await report(id, "message:C0GENERAL:3.3", ago(30), { status: "dismissed", closedAt: ago(28) });
    expect(await tick(NOW)).toBe(0);
    await reportEscalation.run(jobDepsAt(testEnv())(NOW), { communityId: 0, period: "2027-03-02T09:00Z" });
    expect(await dms()).toEqual([]);
  });

  it("a community nobody can be reached in: nothing sent there, no crash, the others still escalate", async () => {
    const lonely = await community("T0LONELY");
    await env.DB.batch([member(lonely, "U0MEMBER"), member(lonely, "U0GONE", { mod: 1, status: "alumni" })]);
    const unheard = await report(lonely, "message:C0GENERAL:1.1", ago(26));
    const other = await staffed("T0TWO");
    const heard = await report(other, "message:C0GENERAL:1.1", ago(25));
    expect(await tick(NOW)).toBe(1);
    expect((await dms()).map((dm) => [dm.community, dm.target])).toEqual([
      [other, "U0MOD"],
      [other, "U0ADMIN"],
    ]);
    expect(await escalatedAt(unheard)).toBeNull(); // a moderator added later still hears of it
    expect(await escalatedAt(heard)).toBe(PERIOD_AT);
  });

  it("next runs at the first quarter-hour after the oldest waiting report turns 24 hours old", async () => {
    const id = await staffed();
    const deps = jobDepsAt(testEnv())(NOW);
    expect(await reportEscalation.nextRun(deps, id)).toBeNull();
    await report(id, "message:C0GENERAL:1.1", "2027-03-01T10:07:00.000Z");
    expect(await reportEscalation.nextRun(deps, id)).toEqual(new Date("2027-03-02T10:15:00Z"));
  });

  it("in the community's language; without a moderators' channel the card went by DM; no link for /cop report", async () => {
    const id = await staffed("T0ID", "id");
    await report(id, "note:abc", ago(25), { link: null });
    await tick(NOW);
    const [first] = await dms();
    expect(first?.payload).toContain("sudah menunggu lebih dari 24 jam");
    expect(first?.payload).toContain("lewat DM kepada para moderator");
    expect(first?.payload).not.toContain("Pesan yang dilaporkan");
  });
});

describe("report escalation, delivered", () => {
  it("reaches each moderator as a DM on Slack and on Discord", async () => {
    const slack = await seedCommunity("slack");
    const discord = await seedCommunity("discord");
    await env.DB.batch([
      member(slack.id, "U0MOD", { mod: 1 }),
      member(discord.id, "300000000000000001", { admin: 1 }),
      env.DB.prepare(
        "INSERT INTO report_settings (community_id, channel_id, updated_at) VALUES (?, 'C0MODS', ?)",
      ).bind(slack.id, ago(100)),
    ]);
    await report(slack.id, "message:C0GENERAL:1.1", ago(25));
    await report(discord.id, "note:abc", ago(25), { link: null });
    await tick(NOW);
    const ids = (await env.DB.prepare("SELECT id FROM outbox").all<{ id: number }>()).results.map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(2);
    const { deps, queue } = testDelivery();
    await drain(deps, queue, ids);
    const onSlack = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    expect(onSlack).toHaveLength(1);
    expect(JSON.stringify(onSlack[0]?.body)).toContain("A report is waiting for a moderator");
    expect(JSON.stringify(onSlack[0]?.body)).toContain("<#C0MODS>");
    const onDiscord = (await sentTo("discord")).filter((c) => String(c.route).endsWith("/messages"));
    expect(onDiscord).toHaveLength(1);
    expect(JSON.stringify(onDiscord[0]?.body)).toContain("A report is waiting for a moderator");
    expect(JSON.stringify(onDiscord[0]?.body)).toContain("sent to the moderators by DM earlier");
  });
});

describe("report escalation's batch, when a report changed after the read", () => {
  it("a report claimed meanwhile: no DM, not marked", async () => {
    const id = await staffed();
    const waiting = await report(id, "message:C0GENERAL:1.1", ago(25));
    const db = createDb(env.DB);
    const [candidate] = await escalationCandidates(db, ago(24), 10);
    expect(candidate?.id).toBe(waiting);
    await env.DB.prepare("UPDATE reports SET status = 'claimed', claimed_by = 'U0MOD' WHERE id = ?")
      .bind(waiting)
      .run();
    await runBatch(env.DB, escalationQueries(db, [{ reportId: waiting, payload: "{}" }], PERIOD_AT));
    expect(await dms()).toEqual([]);
    expect(await escalatedAt(waiting)).toBeNull();
  });

  it("escalated meanwhile by another run: a moderator added since gets nothing, escalated_at stays", async () => {
    const id = await staffed();
    const waiting = await report(id, "message:C0GENERAL:1.1", ago(25));
    const db = createDb(env.DB);
    await env.DB.prepare("UPDATE reports SET escalated_at = ? WHERE id = ?").bind(ago(1), waiting).run();
    await member(id, "U0NEWMOD", { mod: 1 }).run();
    await runBatch(env.DB, escalationQueries(db, [{ reportId: waiting, payload: "{}" }], PERIOD_AT));
    expect(await dms()).toEqual([]);
    expect(await escalatedAt(waiting)).toBe(ago(1));
  });
});
