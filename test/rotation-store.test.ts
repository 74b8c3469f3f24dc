import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Effect } from "../src/core/model.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity, text } from "./support/delivery.ts";
import { realStore } from "./support/profiles.ts";

const NOW = new Date("2027-02-24T03:00:00Z");
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

const request: Effect = { type: "swap.request", day: "2027-03-16", fromUser: "U0MEMBER", toUser: "U0BUDI" };
const answer = (status: "accepted" | "declined"): Effect => ({
  type: "swap.answer",
  day: "2027-03-16",
  fromUser: "U0MEMBER",
  toUser: "U0BUDI",
  status,
  entries:
    status === "accepted"
      ? [
          {
            kind: "swapped",
            meetingDate: "2027-03-16",
            memberId: "U0BUDI",
            otherMemberId: "U0MEMBER",
            reason: "accepted",
          },
          {
            kind: "swapped",
            meetingDate: "2027-04-06",
            memberId: "U0MEMBER",
            otherMemberId: "U0BUDI",
            reason: "accepted",
          },
        ]
      : [
          {
            kind: "swapped",
            meetingDate: "2027-03-16",
            memberId: "U0MEMBER",
            otherMemberId: "U0BUDI",
            reason: "declined",
          },
        ],
  drafts: [{ kind: "dm", key: `answer:${status}`, userId: "U0MEMBER", message: text(status) }],
});

beforeEach(resetDb);

describe("rotation effects in D1", () => {
  it("a swap is asked once per day and pair; its answer writes only while the request is pending", async () => {
    const store = realStore();
    const community = await seedCommunity("slack");
    await store.apply(community, [request, request], null, NOW);
    expect(await count("swap_requests")).toBe(1);

    const first = await store.apply(community, [answer("accepted")], null, NOW);
    expect(first.enqueue).toHaveLength(1);
    // A second press, a retry, or a racing Decline computed before the first answer landed.
    const again = await store.apply(community, [answer("accepted"), answer("declined")], null, NOW);
    expect(again.enqueue).toEqual([]);
    const ledger = await env.DB.prepare(
      "SELECT meeting_day, member_id, reason FROM rotation_ledger ORDER BY id",
    ).all();
    expect(ledger.results).toEqual([
      { meeting_day: "2027-03-16", member_id: "U0BUDI", reason: "accepted" },
      { meeting_day: "2027-04-06", member_id: "U0MEMBER", reason: "accepted" },
    ]);
    expect(await env.DB.prepare("SELECT idempotency_key FROM outbox").all()).toMatchObject({
      results: [{ idempotency_key: "answer:accepted" }],
    });
    expect(await env.DB.prepare("SELECT status FROM swap_requests").first()).toEqual({ status: "accepted" });
  });

  it("a meeting closes once and is assigned once; passes and swaps append", async () => {
    const store = realStore();
    const community = await seedCommunity("slack");
    const entry = (kind: "hosted" | "assigned" | "passed", memberId: string) => ({
      kind,
      meetingDate: "2027-03-02",
      memberId,
      reason: kind,
    });
    const effect = (...entries: ReturnType<typeof entry>[]): Effect => ({
      type: "rotation.ledger",
      entries,
      recordedBy: null,
    });
    await store.apply(community, [effect(entry("assigned", "A"), entry("passed", "A"))], null, NOW);
    await store.apply(community, [effect(entry("assigned", "B"), entry("passed", "B"))], null, NOW);
    await store.apply(community, [effect(entry("hosted", "C")), effect(entry("hosted", "D"))], null, NOW);
    const rows = await env.DB.prepare("SELECT kind, member_id FROM rotation_ledger ORDER BY id").all();
    expect(rows.results).toEqual([
      { kind: "assigned", member_id: "A" },
      { kind: "passed", member_id: "A" },
      { kind: "passed", member_id: "B" },
      { kind: "hosted", member_id: "C" },
    ]);
  });

  it("members, aways and the mode", async () => {
    const store = realStore();
    const community = await seedCommunity("slack");
    await store.apply(
      community,
      [
        { type: "rotation.member", userId: "U0AYU", optedIn: true },
        { type: "rotation.member", userId: "U0AYU", excluded: true },
        { type: "rotation.away", away: { memberId: "U0AYU", from: "2027-03-01", to: "2027-03-05" } },
        { type: "rotation.away", away: { memberId: "U0AYU", from: "2027-03-01", to: "2027-03-09" } },
        { type: "rotation.mode", mode: "volunteers" },
      ],
      null,
      NOW,
    );
    expect(
      await env.DB.prepare("SELECT user_id, opted_in, excluded FROM rotation_members").all(),
    ).toMatchObject({
      results: [{ user_id: "U0AYU", opted_in: 1, excluded: 1 }],
    });
    expect(await env.DB.prepare("SELECT from_day, to_day FROM rotation_aways").all()).toMatchObject({
      results: [{ from_day: "2027-03-01", to_day: "2027-03-09" }],
    });
    expect(await env.DB.prepare("SELECT rotation_mode FROM communities").first()).toEqual({
      rotation_mode: "volunteers",
    });
  });
});
