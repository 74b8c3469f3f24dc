import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, isoWeek } from "../src/core/calendar.ts";
import { translator } from "../src/core/i18n/index.ts";
import { barChart } from "../src/features/dashboard/chart.ts";
import { periodsOf } from "../src/features/dashboard/periods.ts";
import {
  figureText,
  insertRows,
  renderFor,
  seedDashboardCommunity,
  seedMembers,
  seedWeeks,
} from "./support/dashboard-seed.ts";
import { resetDb } from "./support/db.ts";

// Today is Friday 2027-03-05 (UTC): this period runs from Monday 2027-02-08 (2027-W06) to today
// (2027-W09), the previous one from 2027-01-11 (W02) to 2027-02-07 (W05), the one before from
// 2026-12-14 (2026-W51).
const NOW = new Date("2027-03-05T03:00:00Z");
const AT = "2027-01-01T00:00:00.000Z";

beforeEach(resetDb);

describe("the dashboard's periods", () => {
  it("counts ISO weeks from Monday, the year being the Thursday's", () => {
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2027-01-03")).toBe("2026-W53");
    expect(isoWeek("2021-01-03")).toBe("2020-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    const p = periodsOf("2027-03-05");
    expect([p.current, p.previous, p.earlier]).toEqual(["2027-02-08", "2027-01-11", "2026-12-14"]);
    expect([p.currentWeek, p.previousWeek, p.earlierWeek, p.thisWeek]).toEqual([
      "2027-W06",
      "2027-W02",
      "2026-W51",
      "2027-W09",
    ]);
    expect(p.chartWeeks).toHaveLength(12);
    expect(p.chartWeeks.at(-1)).toBe("2027-W09");
  });
});

describe("the dashboard before any history", () => {
  it("shows 'no data yet' where history is needed, says nothing happened elsewhere, in few statements and no script", async () => {
    const c = await seedDashboardCommunity();
    const { html, statements } = await renderFor(c, NOW);
    expect(statements).toBeLessThanOrEqual(20);
    expect(html).not.toMatch(/<script|javascript:|on\w+=/i);
    expect(figureText(html, 1)).toContain("No meeting has been held yet.");
    expect(figureText(html, 3)).toContain("No data yet: guyub keeps members' weekly activity");
    expect(figureText(html, 7)).toContain("No data yet");
    expect(figureText(html, 8)).toContain("no report acted on");
    for (let n = 1; n <= 8; n++) expect(figureText(html, n)).not.toBe("");
  });
});

describe("figure 1: attendance", () => {
  it("averages attendance per meeting (RSVP yes where none was recorded), as a share of active members, with its trend", async () => {
    const c = await seedDashboardCommunity();
    const ids = await seedMembers(c, "A", 14, "2026-01-05");
    await seedWeeks(c, ids, "2027-W08", "2027-02-24");
    await insertRows("rotation_ledger", [
      {
        community_id: c,
        kind: "hosted",
        meeting_day: "2027-01-18",
        member_id: "UA0",
        reason: "turn",
        created_at: AT,
      },
      {
        community_id: c,
        kind: "hosted",
        meeting_day: "2027-02-15",
        member_id: "UA0",
        reason: "turn",
        created_at: AT,
      },
      {
        community_id: c,
        kind: "hosted",
        meeting_day: "2027-02-22",
        member_id: "UA1",
        reason: "turn",
        created_at: AT,
      },
    ]);
    const attended = (day: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        community_id: c,
        meeting_day: day,
        user_id: `UA${i}`,
        source: "self",
        recorded_by: `UA${i}`,
        recorded_at: AT,
      }));
    await insertRows("meeting_attendance", [...attended("2027-02-15", 6), ...attended("2027-02-22", 8)]);
    await insertRows(
      "meeting_rsvps",
      Array.from({ length: 4 }, (_, i) => ({
        community_id: c,
        meeting_day: "2027-01-18",
        user_id: `UA${i}`,
        answer: "yes",
        updated_at: AT,
      })),
    );
    const text = figureText((await renderFor(c, NOW)).html, 1);
    expect(text).toContain(
      "Average attendance per meeting 7 ▲ up from fewer than 5 · better Higher is better.",
    );
    expect(text).toContain("As a share of active members 50 %");
    expect(text).toContain("2027-01-18 fewer than 5 (RSVP yes) 2027-02-15 6 2027-02-22 8");
  });
});

describe("figure 2: newcomers", () => {
  it("counts joins per period and a cohort table: welcomed, introduced within 14 days, active after 30 and 90 days", async () => {
    const c = await seedDashboardCommunity();
    await seedMembers(c, "F", 3, "2026-11-10", { founder: 1 });
    // Founders were here before guyub: never newcomers, even when their join day is recent.
    const old = await seedMembers(c, "O", 1, "2026-10-05");
    const nov = await seedMembers(c, "N", 6, "2026-11-10");
    await seedMembers(c, "B", 5, "2027-02-10");
    await seedMembers(c, "M", 2, "2027-03-02");
    await env.DB.prepare(
      "UPDATE members SET welcomed_at = joined_at WHERE platform_user_id IN ('UN0','UN1','UN2','UN3','UN4')",
    ).run();
    await insertRows(
      "profiles",
      nov.map((member_id, i) => ({
        community_id: c,
        member_id,
        does: "x",
        shares: "y",
        frequency: "weekly",
        intro_consent: 0,
        findable: 0,
        answered_at: i < 5 ? "2026-11-20T00:00:00.000Z" : "2026-11-30T00:00:00.000Z",
        updated_at: AT,
      })),
    );
    // History begins in 2026-W49 (Monday 2026-11-30).
    await seedWeeks(c, [...nov.slice(0, 5), ...old], "2026-W50", "2026-12-10");
    await seedWeeks(c, nov.slice(0, 4), "2027-W06", "2027-02-10");
    await seedWeeks(c, nov.slice(5), "2026-W49", "2026-11-30");
    const text = figureText((await renderFor(c, NOW)).html, 2);
    expect(text).toContain("Joined 7 ▲ up from fewer than 5 · better");
    expect(text).toContain("2026-10 fewer than 5 fewer than 5 fewer than 5 no data yet fewer than 5");
    expect(text).toContain("2026-11 6 5 (83 %) 5 (83 %) 5 (83 %) fewer than 5");
    expect(text).toContain("2027-02 5 fewer than 5 fewer than 5 not yet not yet");
    expect(text).toContain("2027-03 fewer than 5");
  });
});

describe("figures 3 and 7: returning participants and concentration", () => {
  it("counts members active this period and the one before, and the most active tenth's share", async () => {
    const c = await seedDashboardCommunity();
    const a = await seedMembers(c, "A", 10, "2026-01-05");
    const b = await seedMembers(c, "B", 3, "2026-01-05");
    const d = await seedMembers(c, "D", 6, "2026-01-05");
    await seedWeeks(c, d, "2026-W51", "2026-12-15");
    await seedWeeks(c, [...a, ...d], "2027-W03", "2027-01-20");
    await seedWeeks(c, [...a.slice(1), ...b], "2027-W07", "2027-02-16");
    await seedWeeks(c, a.slice(0, 1), "2027-W08", "2027-02-26", 7);
    // Today's week (2027-W09) is not over: the chart shows it, the periods' figures do not count it.
    const late = await seedMembers(c, "L", 5, "2026-01-05");
    await seedWeeks(c, late, "2027-W09", "2027-03-02", 2);
    const html = (await renderFor(c, NOW)).html;
    const returning = figureText(html, 3);
    expect(returning).toContain("Counted over the four finished weeks from 2027-02-01 to 2027-02-28");
    expect(returning).toContain("2027-W09 5");
    expect(returning).toContain("Active this period and the one before 10 ▲ up from 6 · better");
    expect(returning).toContain("Active members this period 13");
    expect(returning).toContain("Active members the period before 16");
    expect(returning).toContain("2027-W07 12 2027-W08 fewer than 5");
    // 13 active: the top tenth is 2 members (rounded up), 7 + 1 of 19 active days.
    expect(figureText(html, 7)).toContain(
      "Share of activity from the most active 10 % 42 % ▲ up from 13 % · worse Lower is better.",
    );
  });

  it("shows 'too few to show' for concentration under 5 active members, and 'no data yet' before history reached the previous period", async () => {
    const c = await seedDashboardCommunity();
    const a = await seedMembers(c, "A", 3, "2026-01-05");
    await seedWeeks(c, a, "2027-W08", "2027-02-24");
    const html = (await renderFor(c, NOW)).html;
    expect(figureText(html, 3)).toContain(
      "Active this period and the one before no data yet nothing earlier to compare with",
    );
    expect(figureText(html, 3)).toContain("Active members this period fewer than 5");
    expect(figureText(html, 7)).toContain(
      "10 % too few to show nothing earlier to compare with Lower is better.",
    );
  });
});

describe("figure 4: facilitation spread", () => {
  it("counts distinct hosts in the last 12 meetings, the top host's share, first-time hosts, passes and swaps", async () => {
    const c = await seedDashboardCommunity();
    // 14 Fridays from 2026-11-27; the first two hosted by UH0 and UH1, the last 12 by UH0 ×4,
    // UH1 ×2 and UH2…UH7 once each (six first-time hosts).
    const hosts = [
      "UH0",
      "UH1",
      "UH0",
      "UH0",
      "UH0",
      "UH1",
      "UH1",
      "UH2",
      "UH3",
      "UH4",
      "UH5",
      "UH6",
      "UH7",
      "UH0",
    ];
    await insertRows(
      "rotation_ledger",
      hosts.map((member_id, i) => ({
        community_id: c,
        kind: "hosted",
        meeting_day: addDays("2026-11-27", 7 * i),
        member_id,
        reason: "turn",
        created_at: AT,
      })),
    );
    const turn = (kind: string, day: string, member_id: string) => ({
      community_id: c,
      kind,
      meeting_day: day,
      member_id,
      reason: kind,
      created_at: AT,
    });
    await insertRows("rotation_ledger", [
      turn("passed", "2026-11-27", "UH5"),
      ...["2026-12-11", "2027-01-08", "2027-01-15", "2027-01-22", "2027-02-05"].map((d) =>
        turn("passed", d, "UH6"),
      ),
      turn("swapped", "2026-12-18", "UH3"),
    ]);
    const text = figureText((await renderFor(c, NOW)).html, 4);
    expect(text).toContain("Different hosts in the last 12 meetings 8 ▲ up from fewer than 5 · better");
    expect(text).toContain("Meetings counted 12");
    expect(text).toContain("The most frequent host's share 33 %");
    expect(text).toContain("First-time hosts 6");
    expect(text).toContain("Passes 5");
    expect(text).toContain("Swaps fewer than 5");
  });
});

describe("figure 5: topic pipeline", () => {
  it("shows votes with their trend, the backlog's size and median age, and meetings on members' topics", async () => {
    const c = await seedDashboardCommunity();
    const topic = (i: number, source: string, status: string, age: number) => ({
      community_id: c,
      title: `Topic ${i}`,
      title_key: `topic ${i}`,
      source,
      status,
      created_at: `${addDays("2027-03-05", -age)}T08:00:00.000Z`,
      updated_at: AT,
    });
    await insertRows("topics", [
      ...[10, 20, 30, 40, 50, 60].map((age, i) => topic(i + 1, i % 2 ? "intro" : "member", "open", age)),
      topic(7, "member", "archived", 90),
    ]);
    const vote = (topic_id: number, user: string, day: string) => ({
      community_id: c,
      topic_id,
      user_id: user,
      voted_at: `${day}T10:00:00.000Z`,
    });
    await insertRows("topic_votes", [
      ...Array.from({ length: 7 }, (_, i) => vote(1, `UV${i}`, "2027-02-20")),
      ...Array.from({ length: 3 }, (_, i) => vote(2, `UV${i}`, "2027-01-20")),
      vote(3, "UV0", "2026-12-01"),
    ]);
    const days = ["2027-01-29", "2027-02-05", "2027-02-12", "2027-02-19", "2027-02-26"];
    await insertRows(
      "rotation_ledger",
      days.map((meeting_day) => ({
        community_id: c,
        kind: "hosted",
        meeting_day,
        member_id: "UH0",
        reason: "turn",
        created_at: AT,
      })),
    );
    await insertRows(
      "meeting_topics",
      days.map((meeting_day, i) => ({
        community_id: c,
        meeting_day,
        topic_id: [1, 2, 3, 4, 7][i] ?? 1,
        source: "rule",
        decided_at: AT,
      })),
    );
    const text = figureText((await renderFor(c, NOW)).html, 5);
    expect(text).toContain("Support given to topics 7 ▲ up from fewer than 5 · better");
    expect(text).toContain("Open topics in the backlog 6");
    expect(text).toContain("Median age of open topics 30 days");
    // Topics 1, 3 and 7 are members' (2 and 4 came from intros): 3 of 5 meetings.
    expect(text).toContain("Last 12 meetings on a member's topic 60 %");
  });
});

describe("figure 6: recognition", () => {
  it("counts distinct givers (the headline) and receivers, under 5 as 'fewer than 5', in both languages", async () => {
    const c = await seedDashboardCommunity();
    const kudos = (from: string, to: string, day: string, i: number) => ({
      community_id: c,
      from_user: from,
      to_user: to,
      reason: "thanks",
      channel_id: "C1",
      given_on: day,
      post_key: `k${i}`,
      created_at: AT,
    });
    await insertRows("kudos", [
      ...Array.from({ length: 6 }, (_, i) => kudos(`UG${i % 3}`, `UR${i}`, "2027-02-20", i)),
      ...Array.from({ length: 5 }, (_, i) => kudos(`UP${i}`, "UR0", "2027-01-20", 10 + i)),
      kudos("UX0", "UX1", "2026-12-01", 20),
    ]);
    const text = figureText((await renderFor(c, NOW)).html, 6);
    expect(text).toContain("Members who gave kudos fewer than 5 ▼ down from 5 · worse Higher is better.");
    expect(text).toContain("Members who received kudos 6");
    expect(text).toContain("Members who received kudos the period before fewer than 5");
    const id = figureText((await renderFor(c, NOW, "id")).html, 6);
    expect(id).toContain(
      "Anggota yang memberi apresiasi kurang dari 5 ▼ turun dari 5 · memburuk Makin tinggi makin baik.",
    );
    expect(id).toContain("Anggota yang menerima apresiasi 6");
  });
});

describe("figure 8: safety", () => {
  it("shows the median time to a moderator's first action with its trend, reports open, and open after 72 hours", async () => {
    const c = await seedDashboardCommunity();
    const report = (status: string, created: string, first: string | null, closed: string | null) => ({
      community_id: c,
      subject: `message ${created}`,
      status,
      created_at: created,
      first_action_at: first,
      closed_at: closed,
    });
    // The first action counts, not the closing: claimed after 6 h, closed after 12 h → 6 h.
    await insertRows("reports", [
      report("resolved", "2027-02-20T00:00:00.000Z", "2027-02-20T06:00:00.000Z", "2027-02-20T12:00:00.000Z"),
      report("dismissed", "2027-02-21T00:00:00.000Z", "2027-02-22T06:00:00.000Z", "2027-02-22T06:00:00.000Z"),
      report("resolved", "2027-01-20T00:00:00.000Z", "2027-01-22T00:00:00.000Z", "2027-01-23T00:00:00.000Z"),
      report("open", "2027-03-01T00:00:00.000Z", null, null),
      report("claimed", "2027-03-04T00:00:00.000Z", "2027-03-04T03:00:00.000Z", null),
    ]);
    const text = figureText((await renderFor(c, NOW)).html, 8);
    expect(text).toContain(
      "Median time from a report to a moderator's first action 6 h ▼ down from 48 h · better Lower is better.",
    );
    expect(text).toContain("Reports open fewer than 5");
    expect(text).toContain("Reports open after 72 hours fewer than 5");
    const id = figureText((await renderFor(c, NOW, "id")).html, 8);
    expect(id).toContain("6 jam ▼ turun dari 48 jam · membaik Makin rendah makin baik.");
  });
});

describe("the charts", () => {
  it("draw a count under 5 as a pale bar 5 high (never its height) and write it 'fewer than 5' in the table beside", () => {
    const t = translator("id");
    const html = barChart(
      {
        id: "c9",
        title: "Judul <b>",
        columns: ["Minggu", "Anggota"],
        bars: [
          { label: "2027-W01", value: 1 },
          { label: "2027-W02", value: 4 },
          { label: "2027-W03", value: 10 },
        ],
      },
      t,
    );
    const heights = [...html.matchAll(/<rect [^>]*height="(\d+)" class="(\w+)"/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    // Scale: 10 is the tallest (106 units); 1 and 4 are both drawn as 5, pale.
    expect(heights).toEqual(["53 few", "53 few", "106 bar"]);
    expect(html).toContain('<th scope="row">2027-W01</th><td>kurang dari 5</td>');
    expect(html).toContain("<td>10</td>");
    expect(html).toContain("Judul &lt;b&gt;");
    expect(html).not.toMatch(/<script|on\w+=/i);
  });
});
