import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { RETENTION, type RetentionKind } from "../src/core/retention.ts";
import { deliverySweep } from "../src/jobs/delivery-sweep.ts";
import { housekeeping } from "../src/jobs/housekeeping.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { testEnv } from "./support/worker.ts";

// Each period: a row one second inside it is kept, one second outside it is erased.
const NOW = new Date("2027-03-02T03:00:00Z");
const inside = (kind: RetentionKind) => new Date(NOW.getTime() - RETENTION[kind] + 1000).toISOString();
const outside = (kind: RetentionKind) => new Date(NOW.getTime() - RETENTION[kind] - 1000).toISOString();
const rows = async (sql: string) => (await env.DB.prepare(sql).all<Record<string, unknown>>()).results;
const runHousekeeping = () =>
  housekeeping.run(jobDepsAt(testEnv())(NOW), { communityId: 0, period: "2027-03-02" });

function outboxRow(
  communityId: number,
  key: string,
  kind: string,
  status: string,
  at: string,
  payload = "{}",
) {
  return env.DB.prepare(
    "INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, created_at, updated_at) VALUES (?, ?, ?, 'U1', ?, ?, ?, ?)",
  ).bind(communityId, key, kind, payload, status, at, at);
}

beforeEach(resetDb);

describe("retention periods", () => {
  it("are the ones the privacy docs name", () => {
    const days = (ms: number) => ms / 86_400_000;
    expect(days(RETENTION.ingressIds)).toBe(1);
    expect(days(RETENTION.formDrafts)).toBe(1);
    expect(days(RETENTION.formConversations)).toBe(1);
    expect(RETENTION.interactionTokens).toBe(15 * 60_000);
    expect(days(RETENTION.failedOutboxPayloads)).toBe(30);
    expect(days(RETENTION.finishedOutbox)).toBe(30);
    expect(days(RETENTION.jobRuns)).toBe(90);
    expect(days(RETENTION.auditTrail)).toBe(365);
    expect(days(RETENTION.closedReportSnapshots)).toBe(180);
    expect(days(RETENTION.digestTopics)).toBe(28);
  });

  it("ingress ids: a day", async () => {
    await env.DB.prepare("INSERT INTO processed_events (key, received_at) VALUES ('out', ?), ('in', ?)")
      .bind(outside("ingressIds"), inside("ingressIds"))
      .run();
    await runHousekeeping();
    expect(await rows("SELECT key FROM processed_events")).toEqual([{ key: "in" }]);
  });

  it("form drafts: a day", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare(
      "INSERT INTO form_drafts (community_id, user_id, form_id, answers, updated_at) VALUES (?, 'out', 'f', '{}', ?), (?, 'in', 'f', '{}', ?)",
    )
      .bind(community.id, outside("formDrafts"), community.id, inside("formDrafts"))
      .run();
    await runHousekeeping();
    expect(await rows("SELECT user_id FROM form_drafts")).toEqual([{ user_id: "in" }]);
  });

  it("forms asked as conversations: a day after the last answer", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare(
      "INSERT INTO form_conversations (community_id, user_id, form_id, expires_at, updated_at) VALUES (?1, 'out', 'f', ?2, ?2), (?1, 'in', 'f', ?3, ?3)",
    )
      .bind(community.id, outside("formConversations"), inside("formConversations"))
      .run();
    await runHousekeeping();
    expect(await rows("SELECT user_id FROM form_conversations")).toEqual([{ user_id: "in" }]);
  });

  it("finished job runs: 90 days (unfinished ones stay)", async () => {
    await env.DB.prepare(
      "INSERT INTO job_runs (job, community_id, period, status, scheduled_at, claimed_at) VALUES ('j', 1, 'out', 'done', ?1, ?1), ('j', 1, 'in', 'done', ?2, ?2), ('j', 1, 'failed', 'failed', ?1, ?1)",
    )
      .bind(outside("jobRuns"), inside("jobRuns"))
      .run();
    await runHousekeeping();
    expect(await rows("SELECT period FROM job_runs WHERE job = 'j' ORDER BY period")).toEqual([
      { period: "failed" },
      { period: "in" },
    ]);
  });

  it("the digest's rested topics: the ISO weeks of the last 28 days stay", async () => {
    const { id } = await seedCommunity("slack");
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO topics (id, community_id, title, title_key, created_at, updated_at) VALUES (1, ?1, 't', 't', ?2, ?2)",
      ).bind(id, NOW.toISOString()),
      // NOW is Tuesday 2027-03-02; 28 days before is in 2027-W05.
      ...["2026-W52", "2027-W04", "2027-W05", "2027-W09"].map((period) =>
        env.DB.prepare("INSERT INTO digest_topics (community_id, period, topic_id) VALUES (?, ?, 1)").bind(
          id,
          period,
        ),
      ),
    ]);
    await runHousekeeping();
    expect(await rows("SELECT period FROM digest_topics ORDER BY period")).toEqual([
      { period: "2027-W05" },
      { period: "2027-W09" },
    ]);
  });

  it("finished outbox rows: 30 days", async () => {
    const { id } = await seedCommunity("slack");
    await env.DB.batch([
      outboxRow(id, "out", "post", "sent", outside("finishedOutbox")),
      outboxRow(id, "in", "post", "sent", inside("finishedOutbox")),
      outboxRow(id, "pending", "post", "pending", outside("finishedOutbox")),
    ]);
    await runHousekeeping();
    expect(await rows("SELECT idempotency_key AS k FROM outbox ORDER BY k")).toEqual([
      { k: "in" },
      { k: "pending" },
    ]);
  });

  it("dead, undeliverable and lost outbox payloads: 30 days", async () => {
    const { id } = await seedCommunity("slack");
    await env.DB.batch(
      ["dead", "undeliverable", "lost"].flatMap((status) => [
        outboxRow(id, `${status}-out`, "dm", status, outside("failedOutboxPayloads"), '{"text":"personal"}'),
        outboxRow(id, `${status}-in`, "dm", status, inside("failedOutboxPayloads"), '{"text":"personal"}'),
      ]),
    );
    await runHousekeeping();
    expect(await rows("SELECT idempotency_key AS k FROM outbox ORDER BY k")).toEqual([
      { k: "dead-in" },
      { k: "lost-in" },
      { k: "undeliverable-in" },
    ]);
  });

  it("the audit trail: a year", async () => {
    const { id } = await seedCommunity("slack");
    await env.DB.prepare(
      "INSERT INTO audit_log (community_id, action, created_at) VALUES (?1, 'out', ?2), (?1, 'in', ?3)",
    )
      .bind(id, outside("auditTrail"), inside("auditTrail"))
      .run();
    await runHousekeeping();
    expect(await rows("SELECT action FROM audit_log")).toEqual([{ action: "in" }]);
  });

  it("a closed report's snapshot and reasons: 180 days after closing (open ones never)", async () => {
    const { id } = await seedCommunity("slack");
    const old = outside("closedReportSnapshots");
    const report = (subject: string, status: string, closedAt: string | null) =>
      env.DB.prepare(
        `INSERT INTO reports (community_id, subject, snapshot, status, created_at, closed_at)
         VALUES (?, ?, 'v1:k:iv:sealed', ?, ?, ?)`,
      ).bind(id, subject, status, old, closedAt);
    await env.DB.batch([
      report("out", "resolved", outside("closedReportSnapshots")),
      report("in", "dismissed", inside("closedReportSnapshots")),
      report("open", "open", null),
      report("claimed", "claimed", null),
    ]);
    await env.DB.prepare(
      `INSERT INTO report_reporters (community_id, report_id, reporter, reason, reported_on, created_at)
       SELECT community_id, id, 'U0AYU', 'v1:k:iv:reason', '2026-09-01', created_at FROM reports`,
    ).run();
    await runHousekeeping();
    expect(
      await rows(
        "SELECT r.subject, r.snapshot, p.reason, r.status FROM reports r JOIN report_reporters p ON p.report_id = r.id ORDER BY r.id",
      ),
    ).toEqual([
      { subject: "out", snapshot: null, reason: null, status: "resolved" },
      { subject: "in", snapshot: "v1:k:iv:sealed", reason: "v1:k:iv:reason", status: "dismissed" },
      { subject: "open", snapshot: "v1:k:iv:sealed", reason: "v1:k:iv:reason", status: "open" },
      { subject: "claimed", snapshot: "v1:k:iv:sealed", reason: "v1:k:iv:reason", status: "claimed" },
    ]);
  });

  it("interaction tokens in follow-up rows: 15 minutes, by the delivery sweep (the row stays)", async () => {
    const { id } = await seedCommunity("discord");
    const payload = JSON.stringify({
      message: { text: "hi" },
      token: "secret",
      tokenExpiresAt: NOW.toISOString(),
    });
    await env.DB.batch([
      outboxRow(id, "out", "followup", "sent", outside("interactionTokens"), payload),
      outboxRow(id, "in", "followup", "sent", inside("interactionTokens"), payload),
    ]);
    await deliverySweep.run(jobDepsAt(testEnv())(NOW), { communityId: 0, period: "x" });
    const left = await rows(
      "SELECT idempotency_key AS k, json_extract(payload, '$.token') AS token FROM outbox ORDER BY k",
    );
    expect(left).toEqual([
      { k: "in", token: "secret" },
      { k: "out", token: null },
    ]);
    expect(
      await rows(
        "SELECT json_extract(payload, '$.message.text') AS text FROM outbox WHERE idempotency_key = 'out'",
      ),
    ).toEqual([{ text: "hi" }]);
  });
});
