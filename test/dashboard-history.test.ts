import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { isoWeek } from "../src/core/calendar.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { dashboardMemberData } from "../src/features/dashboard/member-data-store.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { commandBody, MEMBER, signedSlack } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** `/cop help` from the member at `at` (the app's clock is pinned there too). */
async function helpAt(at: Date) {
  const worker = isolate({ now: () => at, sessionCacheMs: 0 });
  const request = await signedSlack("/slack/commands", commandBody("help"), {
    timestamp: at.getTime() / 1000,
  });
  expect((await worker(request)).status).toBe(200);
}

const weeks = async () =>
  (
    await env.DB.prepare(
      "SELECT w.week, w.active_days, w.last_day FROM member_activity_weeks w JOIN members m ON m.id = w.member_id ORDER BY w.week",
    ).all()
  ).results;

describe("the ISO week of a local day", () => {
  it("starts on Monday and belongs to the year of its Thursday", () => {
    expect(isoWeek("2027-03-05")).toBe("2027-W09");
    expect(isoWeek("2027-01-01")).toBe("2026-W53"); // a Friday: the week of 2026's last Thursday
    expect(isoWeek("2027-01-04")).toBe("2027-W01"); // the Monday after
    expect(isoWeek("2024-12-30")).toBe("2025-W01"); // a Monday whose Thursday is in 2025
    expect(isoWeek("2026-12-27")).toBe("2026-W52"); // a Sunday closes its week
    expect(isoWeek("2026-12-28")).toBe("2026-W53");
  });
});

describe("activity history: member × ISO week, written with last_active_on", () => {
  it("a command marks the week; the same day again writes nothing; a later day adds one; a new week a row", async () => {
    // 2027-03-05 is a Friday; the community's zone is UTC until setup says otherwise.
    await helpAt(new Date("2027-03-05T03:00:00Z"));
    expect(await weeks()).toEqual([{ week: "2027-W09", active_days: 1, last_day: "2027-03-05" }]);

    const before = await snapshot();
    await helpAt(new Date("2027-03-05T03:30:00Z")); // within the hour the admin answer is kept
    expect(await snapshot()).toBe(before);

    await helpAt(new Date("2027-03-06T09:00:00Z"));
    await helpAt(new Date("2027-03-08T09:00:00Z"));
    expect(await weeks()).toEqual([
      { week: "2027-W09", active_days: 2, last_day: "2027-03-06" },
      { week: "2027-W10", active_days: 1, last_day: "2027-03-08" },
    ]);
    const member = await env.DB.prepare("SELECT last_active_on FROM members WHERE platform_user_id = ?")
      .bind(MEMBER)
      .first();
    expect(member).toEqual({ last_active_on: "2027-03-08" });
  });

  it("the activity effect (messages, buttons, the Discord job) writes weeks in its own batch; a repeat changes nothing", async () => {
    await helpAt(new Date("2027-03-01T03:00:00Z"));
    const store = createCommunityStore(createDb(env.DB), env.DB, env);
    const { community } = await store.find({
      platform: "slack",
      workspaceId: "T0GUYUB01",
      workspaceName: null,
      userId: MEMBER,
      displayName: null,
      initialLocale: "en",
    });
    if (!community) throw new Error("no community");
    const seen = (day: string) => ({
      type: "activity.seen" as const,
      seen: [
        { userId: MEMBER, day },
        { userId: "U0NOBODY", day },
      ],
    });
    const at = new Date("2027-03-04T03:00:00Z");
    await store.apply(community, [seen("2027-03-03")], null, at);
    const once = await snapshot();
    // The same sighting again (a retried event): no row moves.
    await store.apply(community, [seen("2027-03-03")], null, at);
    expect(await snapshot()).toBe(once);
    // An older day of the same week adds nothing either.
    await store.apply(community, [seen("2027-03-02")], null, at);
    expect(await snapshot()).toBe(once);
    expect(await weeks()).toEqual([{ week: "2027-W09", active_days: 2, last_day: "2027-03-03" }]);
    // Only stored members: nobody was added for the unknown id.
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM member_activity_weeks").first();
    expect(rows).toEqual({ n: 1 });
  });

  it("seven days make a full week, never more", async () => {
    for (let d = 1; d <= 7; d++) await helpAt(new Date(`2027-03-0${d}T03:00:00Z`));
    expect(await weeks()).toEqual([{ week: "2027-W09", active_days: 7, last_day: "2027-03-07" }]);
  });

  it("is in the member's export and erased by forget (with their dashboard links and sessions)", async () => {
    await helpAt(new Date("2027-03-05T03:00:00Z"));
    const { id: memberId, community_id: communityId } = (await env.DB.prepare(
      "SELECT id, community_id FROM members",
    ).first<{ id: number; community_id: number }>()) ?? { id: 0, community_id: 0 };
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO dashboard_links VALUES (?, ?, ?, '2027-03-05T03:15:00.000Z', NULL, '2027-03-05T03:00:00.000Z')",
      ).bind("a".repeat(64), communityId, MEMBER),
      env.DB.prepare(
        "INSERT INTO dashboard_sessions VALUES (?, ?, ?, '2027-03-05T04:00:00.000Z', '2027-03-05T03:00:00.000Z')",
      ).bind("b".repeat(64), communityId, MEMBER),
    ]);
    const db = createDb(env.DB);
    const ref = { memberId, userId: MEMBER };
    const exported = await dashboardMemberData.export(db, communityId, ref);
    expect(exported.activityWeeks).toEqual([{ week: "2027-W09", activeDays: 1, lastDay: "2027-03-05" }]);
    expect(exported.dashboardLinks).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain("aaaa"); // hashes are not the member's to read
    const forget = dashboardMemberData.forget(db, communityId, ref, `former:${memberId}`, new Date());
    await env.DB.batch(forget.map((q) => env.DB.prepare(q.sql).bind(...q.parameters)));
    for (const table of ["member_activity_weeks", "dashboard_links", "dashboard_sessions"])
      expect(await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first()).toEqual({ n: 0 });
  });
});
