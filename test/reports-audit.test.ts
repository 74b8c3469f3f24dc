import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { MODERATOR, slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

// The reports' source of the moderators' audit view (src/features/reports/history-store.ts):
// when, status, how many, whom it is about; never what, why, or who reported.
beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Worker = ReturnType<typeof isolate>;
const says = async (worker: Worker, text: string, user = MODERATOR) =>
  JSON.stringify(await (await worker(await slashCommand(text, { user_id: user }))).json());

/** Reports as the report command leaves them, written directly (the command is another part's). */
async function seedReports() {
  const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
  const id = community?.id ?? 0;
  const report = (
    subject: string,
    reported: string | null,
    status: string,
    claimedBy: string | null,
    count: number,
    at: string,
    escalatedAt: string | null = null,
  ) =>
    env.DB.prepare(
      `INSERT INTO reports (community_id, subject, reported_user, snapshot, status, claimed_by, report_count, created_at, escalated_at)
       VALUES (?, ?, ?, 'SEALED-SNAPSHOT', ?, ?, ?, ?, ?)`,
    ).bind(id, subject, reported, status, claimedBy, count, at, escalatedAt);
  await env.DB.batch([
    report("message:C0GENERAL:1.1", "U0BUDI", "claimed", "U0AYU", 2, "2027-03-01T09:00:00.000Z"),
    report(
      "message:C0GENERAL:2.2",
      "U0EKO",
      "open",
      null,
      1,
      "2027-03-02T09:00:00.000Z",
      "2027-03-03T09:15Z",
    ),
    report("note:abc", null, "dismissed", null, 1, "2027-03-03T09:00:00.000Z"),
    report("message:C0GENERAL:3.3", "former:7", "resolved", "U0AYU", 1, "2027-03-04T09:00:00.000Z"),
  ]);
  await env.DB.prepare(
    `INSERT INTO report_reporters (community_id, report_id, reporter, reason, reported_on, created_at)
     SELECT community_id, id, 'U0CITRA', 'SEALED-REASON', substr(created_at, 1, 10), created_at FROM reports`,
  ).run();
}

describe("reports in /copmod audit list", () => {
  it("lists every report: when, whom it is about, status, handler, count; never who, what or why", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "audit list"); // the community exists from the first command
    await seedReports();
    const list = await says(worker, "audit list");
    expect(list).toContain("Report to moderators");
    expect(list).toContain("about <@U0BUDI>");
    expect(list).toContain("being handled by <@U0AYU>");
    expect(list).toContain("reporters: 2");
    expect(list).toContain("about <@U0EKO>");
    expect(list).toContain("sent to every moderator after 24 hours unclaimed");
    expect(list).toContain("dismissed");
    expect(list).toContain("about a former member");
    expect(list).not.toContain("former:7");
    expect(list).not.toMatch(/U0CITRA|SEALED/);
    // Newest first: the resolved report of 4 March above Budi's of 1 March.
    expect(list.indexOf("about a former member")).toBeLessThan(list.indexOf("about <@U0BUDI>"));
  });

  it("with a member: only the reports about them, without the reporter", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "audit list");
    await seedReports();
    const budi = await says(worker, "audit list <@U0BUDI|budi>");
    expect(budi).toContain("about <@U0BUDI>");
    expect(budi).not.toContain("U0EKO");
    expect(budi).not.toContain("dismissed");
    expect(budi).not.toMatch(/U0CITRA|SEALED/);
    // A report they made is not in their history: a reported moderator could look up the reporter.
    const citra = await says(worker, "audit list <@U0CITRA|citra>");
    expect(citra).not.toContain("Report to moderators");
  });

  it("in Indonesian", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "language id");
    await seedReports();
    const list = await says(worker, "audit list");
    expect(list).toContain("Laporan ke moderator");
    expect(list).toContain("tentang <@U0BUDI>");
    expect(list).toContain("sedang ditangani oleh <@U0AYU>");
    expect(list).toContain("pelapor: 2");
    expect(list).toContain("tentang mantan anggota");
  });
});
