import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client.ts";
import { reportsStore } from "../src/features/reports/store.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";

beforeEach(resetDb);

const AT = "2027-03-05T03:00:00.000Z";
const AYU = { memberId: 1, userId: "U0AYU" };

/** Two reports: Ayu (a moderator too) reported Budi's message with Citra and claimed it; Dewi reported Ayu's. */
async function seed(communityId: number) {
  const report = (subject: string, reported: string, claimedBy: string | null) =>
    env.DB.prepare(
      `INSERT INTO reports (community_id, subject, reported_user, snapshot, status, claimed_by, created_at)
       VALUES (?, ?, ?, 'v1:k:iv:sealed', ?, ?, ?) RETURNING id`,
    )
      .bind(communityId, subject, reported, claimedBy ? "claimed" : "open", claimedBy, AT)
      .first<{ id: number }>();
  const reporter = (reportId: number, who: string) =>
    env.DB.prepare(
      `INSERT INTO report_reporters (community_id, report_id, reporter, reason, reported_on, created_at)
       VALUES (?, ?, ?, 'v1:k:iv:reason', '2027-03-05', ?)`,
    )
      .bind(communityId, reportId, who, AT)
      .run();
  const first = await report("message:C0GENERAL:1.1", "U0BUDI", "U0AYU");
  const second = await report("message:C0GENERAL:2.2", "U0AYU", null);
  await reporter(first?.id ?? 0, "U0AYU");
  await reporter(first?.id ?? 0, "U0CITRA");
  await reporter(second?.id ?? 0, "U0DEWI");
}

describe("reports' member data", () => {
  it("exports the reports a member made and those about them, by day only: no reporter, no content", async () => {
    const community = await seedCommunity("slack");
    await seed(community.id);
    const data = await reportsStore.memberData?.export(createDb(env.DB), community.id, AYU);
    expect(data).toEqual({
      reportsMade: [{ day: "2027-03-05", status: "claimed" }],
      reportsAbout: [{ day: "2027-03-05" }],
    });
    expect(JSON.stringify(data)).not.toMatch(/U0DEWI|sealed|reason/);
  });

  it("forgets a member: the placeholder wherever a report names them, their reasons erased, others untouched", async () => {
    const community = await seedCommunity("slack");
    await seed(community.id);
    const queries = reportsStore.memberData?.forget(
      createDb(env.DB),
      community.id,
      AYU,
      "former:1",
      new Date(AT),
    );
    await runBatch(env.DB, queries ?? []);
    const reports = await env.DB.prepare(
      "SELECT subject, reported_user, claimed_by FROM reports ORDER BY id",
    ).all();
    expect(reports.results).toEqual([
      { subject: "message:C0GENERAL:1.1", reported_user: "U0BUDI", claimed_by: "former:1" },
      { subject: "message:C0GENERAL:2.2", reported_user: "former:1", claimed_by: null },
    ]);
    const reporters = await env.DB.prepare("SELECT reporter, reason FROM report_reporters ORDER BY id").all();
    expect(reporters.results).toEqual([
      { reporter: "former:1", reason: null },
      { reporter: "U0CITRA", reason: "v1:k:iv:reason" },
      { reporter: "U0DEWI", reason: "v1:k:iv:reason" },
    ]);
    const left = JSON.stringify(await reportsStore.memberData?.export(createDb(env.DB), community.id, AYU));
    expect(left).toBe(JSON.stringify({ reportsMade: [], reportsAbout: [] }));
  });
});
