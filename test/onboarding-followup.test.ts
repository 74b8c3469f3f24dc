import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import type { Community } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { welcomeEffects } from "../src/features/membership/welcome.ts";
import { welcomeFollowup } from "../src/features/membership/welcome-followup-job.ts";
import { resetDb } from "./support/db.ts";
import { drain, QUICK_PACE, seedCommunity, testDelivery } from "./support/delivery.ts";
import { countWhere, memberRow, outboxKeys } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { resetStandins, sentTo, testEnv } from "./support/worker.ts";

const store = () => createCommunityStore(createDb(env.DB), env.DB);
const day = (iso: string) => new Date(iso);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

async function welcome(community: Community, userId: string, at: Date) {
  const settings = await store().membership.onboarding(community.id);
  await store().apply(community, welcomeEffects(community, settings, userId, null), null, at);
}

/** Runs the job as the dispatcher would at `now`: whatever is due, each claimed period once. */
async function runAt(now: Date) {
  const queue = new RecordingQueue();
  const deps = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(now);
  const due = await welcomeFollowup.due(deps);
  for (const item of due) {
    await env.DB.prepare(
      "INSERT INTO job_runs (job, community_id, period, scheduled_at, claimed_at) VALUES ('welcome-followup', ?, ?, ?, ?)",
    )
      .bind(item.communityId, item.period, now.toISOString(), now.toISOString())
      .run();
    await welcomeFollowup.run(deps, item);
  }
  return { due, queued: queue.take().map((m) => (m.body as { id: number }).id) };
}

describe("the welcome follow-up", () => {
  it("reminds once, 7 days later at 10:00 local, only those who neither introduced themselves nor used guyub", async () => {
    const community = await seedCommunity("slack");
    for (const user of ["U0QUIET", "U0BUSY", "U0INTRO", "U0LEFT"])
      await welcome(community, user, day("2027-03-01T09:00:00Z"));
    await welcome(community, "U0LATER", day("2027-03-02T09:00:00Z"));
    // U0BUSY used a command two days after the welcome.
    await store().register(
      {
        platform: "slack",
        workspaceId: community.workspaceId,
        workspaceName: null,
        userId: "U0BUSY",
        displayName: null,
        initialLocale: "en",
      },
      "2027-03-03",
      day("2027-03-03T08:00:00Z"),
    );
    // U0INTRO answered the intro form.
    const intro = await memberRow("U0INTRO");
    await env.DB.prepare(
      "INSERT INTO profiles (community_id, member_id, does, shares, frequency, intro_consent, findable, answered_at, updated_at) VALUES (?, ?, 'teach', 'rubrics', 'monthly', 1, 1, ?, ?)",
    )
      .bind(community.id, intro?.id, "2027-03-04T00:00:00Z", "2027-03-04T00:00:00Z")
      .run();
    // U0LEFT stepped back.
    await store().apply(
      community,
      [{ type: "member.leave", userId: "U0LEFT", reason: "self" }],
      null,
      day("2027-03-05T00:00:00Z"),
    );

    expect((await runAt(day("2027-03-07T10:00:00Z"))).queued).toEqual([]); // six days: too early
    const first = await runAt(day("2027-03-08T10:00:00Z"));
    expect(first.due.map((d) => d.period)).toEqual(["2027-03-08"]);
    expect(first.queued).toHaveLength(1);
    expect((await outboxKeys()).filter((k) => k.startsWith("followup:"))).toEqual(["followup:U0QUIET"]);
    expect((await memberRow("U0QUIET"))?.followed_up_at).toBe("2027-03-08T10:00:00.000Z");

    const second = await runAt(day("2027-03-09T10:00:00Z"));
    expect(second.queued).toHaveLength(1);
    const third = await runAt(day("2027-03-10T10:00:00Z"));
    expect(third.queued).toEqual([]);
    expect(await countWhere("outbox", "kind = 'dm' AND target = 'U0QUIET'")).toBe(2); // welcome, one reminder
    expect((await outboxKeys()).filter((k) => k.startsWith("followup:"))).toEqual([
      "followup:U0QUIET",
      "followup:U0LATER",
    ]);

    const { deps, queue } = testDelivery({ clock: () => day("2027-03-09T10:00:01Z"), paceScale: QUICK_PACE });
    await drain(deps, queue, [...first.queued, ...second.queued]);
    const dms = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    expect(dms.map((c) => (c.body as { channel: string }).channel)).toEqual(["D0QUIET", "D0LATER"]);
    expect(JSON.stringify(dms[0]?.body)).toContain("This is the only reminder");
    expect(JSON.stringify(dms[0]?.body)).toContain("intro.open");
  });

  it("follows the community's own delay and time zone", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare("UPDATE communities SET followup_days = 3, timezone = 'Asia/Jakarta'").run();
    await welcome(community, "U0SOON", day("2027-03-01T02:00:00Z"));
    // 10:00 in Jakarta is 03:00 UTC.
    expect((await runAt(day("2027-03-04T02:45:00Z"))).queued).toEqual([]);
    expect((await runAt(day("2027-03-04T03:00:00Z"))).queued).toHaveLength(1);
  });
});
