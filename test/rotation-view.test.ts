import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../src/core/calendar.ts";
import { createDb } from "../src/db/client.ts";
import { assignHosts } from "../src/features/rotation/assign.ts";
import { isEligible } from "../src/features/rotation/eligibility.ts";
import { fairnessLines } from "../src/features/rotation/fairness.ts";
import { applyPass } from "../src/features/rotation/moves.ts";
import { rotationScope } from "../src/features/rotation/scope.ts";
import { createRotationReads } from "../src/features/rotation/store.ts";
import { fairness, fairOrder, tallyLedger } from "../src/features/rotation/tally.ts";
import type { RotationState } from "../src/features/rotation/types.ts";
import { resetDb } from "./support/db.ts";
import { BASE, community, debtorsCase } from "./support/rotation-cut.ts";
import { fullState, seedRotation } from "./support/rotation-seed.ts";

const reads = () => createRotationReads(createDb(env.DB));
// Each run stores a community of up to 60 members and 50 weeks of ledger in the local D1.
const RUNS = { numRuns: 25 };
const communities = fc.oneof(
  community("ordinary"),
  community("crowded"),
  community("committed"),
  community("debtors"),
);
const plans = fc.record({
  offset: fc.integer({ min: -9, max: 3 }),
  count: fc.integer({ min: 1, max: 8 }),
  hour: fc.integer({ min: 0, max: 47 }),
});

beforeEach(resetDb);

/** The tally rows of a community, by member. */
async function storedTallies(communityId: number) {
  const { results } = await env.DB.prepare(
    "SELECT user_id, hosted, owed, passed, last_hosted, in_pool, opted_in FROM rotation_tally WHERE community_id = ? ORDER BY user_id",
  )
    .bind(communityId)
    .all<{
      user_id: string;
      hosted: number;
      owed: number;
      passed: number;
      last_hosted: string | null;
      in_pool: number;
      opted_in: number;
    }>();
  return results;
}

describe("the per-member tally (migration 0013)", () => {
  it("is what the whole ledger counts, and who takes turns is what members and their choices say", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(communities, async (generated) => {
        await resetDb();
        const id = await seedRotation(generated);
        const full = await fullState(id);
        const counted = tallyLedger(full.ledger);
        const stored = await storedTallies(id);
        for (const m of full.members) {
          const row = stored.find((r) => r.user_id === m.id);
          const t = counted.get(m.id);
          expect(row, m.id).toMatchObject({
            hosted: t?.hosted ?? 0,
            owed: t?.owed ?? 0,
            passed: t?.passed ?? 0,
            last_hosted: t?.lastHosted ?? null,
            in_pool: m.status === "active" ? 1 : 0,
            opted_in: m.optedIn ? 1 : 0,
          });
        }
        // The migration's backfill rebuilds exactly what the triggers kept.
        const migration = env.TEST_MIGRATIONS.find((q) => q.name.startsWith("0013_"));
        const backfill = migration?.queries.filter(
          (q) => !q.includes("CREATE") && q.includes("rotation_tally"),
        );
        expect(backfill).toHaveLength(3);
        await env.DB.prepare("DELETE FROM rotation_tally").run();
        for (const query of backfill ?? []) await env.DB.prepare(query).run();
        expect(await storedTallies(id)).toEqual(stored);
      }),
      RUNS,
    );
  });
});

describe("a plan from the view is the plan from every member and the whole ledger", () => {
  it("hosts, a day's own host, a pass, and who is read", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(communities, plans, fc.nat(60), async (generated, p, pick) => {
        await resetDb();
        const id = await seedRotation(generated);
        const full = await fullState(id);
        const first = addDays(BASE, p.offset);
        const dates = Array.from({ length: p.count }, (_, i) => addDays(first, i * 7));
        const now = new Date(Date.parse(`${BASE}T00:00:00Z`) + (p.hour - 24) * 3_600_000);
        const plan = assignHosts(full, dates, now);
        const passer = plan[pick % plan.length]?.memberId ?? full.members[0]?.id ?? "";
        const view = await reads().view(id, rotationScope(now, full.timezone, dates, { members: [passer] }));
        expect(assignHosts(view.state, dates, now)).toEqual(plan);
        const day = dates[0] as string;
        const dayStart = new Date(`${day}T00:00:00Z`);
        expect(assignHosts(view.state, [day], dayStart)).toEqual(assignHosts(full, [day], dayStart));
        const date = dates[pick % dates.length] as string;
        const fromFull = applyPass(full, date, passer);
        const fromView = applyPass(view.state, date, passer);
        expect(fromView.handedTo).toBe(fromFull.handedTo);
        expect(assignHosts(fromView.state, dates, now)).toEqual(assignHosts(fromFull.state, dates, now));
        // Only the candidates, and their stored counts are the whole ledger's.
        expect(view.state.members.length).toBeLessThanOrEqual(full.members.length);
        const counted = tallyLedger(full.ledger);
        for (const t of view.state.tallies ?? [])
          expect(t).toEqual({
            memberId: t.memberId,
            hosted: 0,
            owed: 0,
            passed: 0,
            lastHosted: null,
            ...counted.get(t.memberId),
          });
      }),
      RUNS,
    );
  });

  it("the debtor case: the member who hosted less is read among the fewest hosted", async () => {
    const { state, dates, now } = debtorsCase();
    const id = await seedRotation(state);
    const view = await reads().view(id, rotationScope(now, "UTC", dates));
    expect(view.state.members.map((m) => m.id)).toContain("o");
    expect(assignHosts(view.state, dates, now).map((a) => a.memberId)).toEqual(["p", "w"]);
  });

  it("fairness, the pool's size and one member's place are what the whole rotation says", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(communities, fc.integer({ min: 1, max: 8 }), async (generated, max) => {
        await resetDb();
        const id = await seedRotation(generated);
        const full = await fullState(id);
        const now = new Date(`${BASE}T10:00:00Z`);
        const today = addDays(BASE, 0);
        // The command's rule, over every member: a turn on record, or eligible today.
        const listed = fairness(full)
          .filter((t) => {
            const member = full.members.find((m) => m.id === t.memberId);
            return t.hosted > 0 || t.passed > 0 || (member !== undefined && isEligible(full, member, today));
          })
          .sort(fairOrder);
        const community = { id, timezone: full.timezone };
        const lines = await fairnessLines({ community, now, store: { rotation: reads() } }, max);
        expect(lines).toEqual({ shown: listed.slice(0, max), total: listed.length });
        const pool = (mode: RotationState["mode"]) =>
          full.members.filter((m) => m.status === "active" && (mode === "everyone" || m.optedIn)).length;
        expect(await reads().poolSize(id)).toBe(pool(full.mode));
        expect(await reads().poolSize(id, "volunteers")).toBe(pool("volunteers"));
        for (const m of full.members.slice(0, 5)) expect(await reads().member(id, m.id)).toEqual(m);
      }),
      { numRuns: 15 },
    );
  });
});
