import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Effect } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { communityById } from "../src/db/communities.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { resetDb } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { MEMBER, MODERATOR } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

// Wednesday 24 February 2027; the community meets on Tuesdays at 19:00 in Jakarta, first 2 March.
const SETUP = new Date("2027-02-24T03:00:00Z");
const ANNOUNCED = new Date("2027-02-27T02:00:00Z"); // Saturday 09:00 WIB
const SOON = new Date("2027-02-28T05:00:00Z");
const DAY = "2027-03-02";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A community whose two members both joined this week and answered no intro: nobody can host. */
async function announcedWithoutHost(): Promise<number> {
  await slackAt(SETUP, "timezone Asia/Jakarta");
  await slackAt(SETUP, "onboarding channel <#C0GENERAL|general>");
  await slackAt(SETUP, "help", MEMBER);
  await slackAt(SETUP, "meeting schedule weekly tue 19:00");
  await rows("UPDATE members SET founder = 0, joined_at = ?", SETUP.toISOString());
  expect(await dispatchAt(ANNOUNCED)).toEqual([`meeting-announce ${DAY}`]);
  await deliverAll();
  return Number((await rows("SELECT id FROM communities"))[0]?.id);
}

async function press(when: Date, packed: string, user: string) {
  const send = isolate({ now: () => when, sessionCacheMs: 0 });
  await send(await slackButton(packed, { user, timestamp: when.getTime() / 1000 }));
}

const ledger = () => rows("SELECT kind, meeting_day, member_id, reason FROM rotation_ledger ORDER BY id");
const replies = async () => (await slackTraffic()).replies.map((r) => JSON.stringify(r.body));

describe("'I'll host' on an announcement without a host", () => {
  it("the first press takes the meeting: the announcement is edited in place to name them, they get the heads-up; later presses change nothing", async () => {
    const id = await announcedWithoutHost();
    const claim = packedButton(id, "meeting.host", [DAY]);
    let traffic = await slackTraffic();
    expect(traffic.posts).toHaveLength(1);
    const announcement = JSON.stringify(traffic.posts[0]?.body);
    expect(announcement).toContain("not chosen yet");
    expect(announcement).toContain("I'll host");
    expect(announcement).toContain(claim.split(":").slice(0, 2).join(":"));
    expect(traffic.dms).toHaveLength(0); // no host, no heads-up
    expect(await ledger()).toEqual([]);

    await press(SOON, claim, MEMBER);
    await deliverAll();
    traffic = await slackTraffic();
    expect(await ledger()).toEqual([
      { kind: "volunteered", meeting_day: DAY, member_id: MEMBER, reason: "claimed" },
    ]);
    expect((await replies()).at(-1)).toContain("Thank you! You host the meeting on Tuesday, 2 March 2027");
    const edited = JSON.stringify(traffic.updates.at(-1)?.body);
    expect(edited).toContain("<@U0MEMBER>");
    expect(edited).not.toContain("I'll host");
    expect(traffic.posts).toHaveLength(1); // edited, never reposted
    expect(traffic.dms.map((d) => JSON.stringify(d.body))).toEqual([
      expect.stringContaining("Your turn to host"),
    ]);

    // Too late for anyone else, and a second press of the host's own changes nothing either.
    const written = await rows("SELECT count(*) AS n FROM outbox");
    await press(SOON, claim, MODERATOR);
    await press(SOON, claim, MEMBER);
    expect((await replies()).slice(-2)).toEqual([
      expect.stringContaining("<@U0MEMBER> already hosts the meeting on Tuesday, 2 March 2027"),
      expect.stringContaining("You already host the meeting on Tuesday, 2 March 2027"),
    ]);
    expect(await ledger()).toHaveLength(1);
    expect(await rows("SELECT count(*) AS n FROM outbox")).toEqual(written);

    // The host is committed: /cop meeting next and the reminder name them, not as planned.
    const next = await slackAt(SOON, "meeting next", MODERATOR);
    expect(next).toContain("Host: <@U0MEMBER>");
    expect(next).not.toContain("(planned)");
    expect(await dispatchAt(new Date("2027-03-01T12:00:00Z"))).toEqual([`meeting-remind ${DAY}:24h`]);
    await deliverAll();
    expect(JSON.stringify((await slackTraffic()).posts.at(-1)?.body)).toContain("<@U0MEMBER>");

    // Once the meeting has begun, the button is closed.
    await press(new Date("2027-03-02T12:05:00Z"), packedButton(id, "meeting.host", [DAY]), MODERATOR);
    expect((await replies()).at(-1)).toContain("This meeting has started or is no longer scheduled");
  }, 60_000);

  it("an RSVP after a host-less announcement keeps it host-less, button included, though someone could host now", async () => {
    const id = await announcedWithoutHost();
    await rows("UPDATE members SET founder = 1"); // both could host now: the plan would pick one
    await press(SOON, packedButton(id, "meeting.rsvp", [DAY, "yes"]), MEMBER);
    await deliverAll();
    const edited = JSON.stringify((await slackTraffic()).updates.at(-1)?.body);
    expect(edited).toContain("Yes · 1");
    expect(edited).toContain("not chosen yet");
    expect(edited).toContain("I'll host");
    expect(edited).not.toMatch(/<@U0(MEMBER|MODERATOR)>/);
    expect(await ledger()).toEqual([]);
  }, 60_000);

  it("two presses at once: one host, one heads-up, and every edit names the same member", async () => {
    const id = await announcedWithoutHost();
    const claim = packedButton(id, "meeting.host", [DAY]);
    await Promise.all([press(SOON, claim, MEMBER), press(SOON, claim, MODERATOR)]);
    const claims = await rows("SELECT member_id FROM rotation_ledger WHERE kind = 'volunteered'");
    expect(claims).toHaveLength(1);
    const host = String(claims[0]?.member_id);
    const keys = (await rows("SELECT idempotency_key AS key, payload FROM outbox WHERE kind != 'post'")).map(
      (r) => ({ key: String(r.key), payload: String(r.payload) }),
    );
    expect(keys.filter((k) => k.key.startsWith("headsup:")).map((k) => k.key)).toEqual([
      `headsup:${DAY}:${host}`,
    ]);
    const edits = keys.filter((k) => k.key.startsWith(`announce:${DAY}:edit:`));
    expect(edits).toHaveLength(1);
    expect(edits[0]?.payload).toContain(host);
  }, 60_000);

  it("the claim is written only while the day's ledger is as the press read it, its messages included", async () => {
    const id = await announcedWithoutHost();
    const community = await communityById(createDb(env.DB), id);
    if (!community) throw new Error("no community");
    const store = createCommunityStore(createDb(env.DB), env.DB);
    const claimBy = (memberId: string): Effect => ({
      type: "rotation.claim",
      day: DAY,
      memberId,
      seen: 0, // both read an empty ledger for the day
      drafts: [
        {
          kind: "dm",
          key: `headsup:${DAY}:${memberId}`,
          userId: memberId,
          message: { visibility: "public", blocks: [] },
        },
        {
          kind: "edit",
          key: `announce:${DAY}:edit:${memberId}`,
          editOf: `announce:${DAY}`,
          message: { visibility: "public", blocks: [] },
        },
      ],
    });
    const first = await store.apply(community, [claimBy(MEMBER)], null, SOON);
    const second = await store.apply(community, [claimBy(MODERATOR)], null, SOON);
    expect(first.enqueue).toHaveLength(2);
    expect(second.enqueue).toEqual([]);
    expect(await ledger()).toEqual([
      { kind: "volunteered", meeting_day: DAY, member_id: MEMBER, reason: "claimed" },
    ]);
    const keys = (await rows("SELECT idempotency_key AS key FROM outbox ORDER BY id")).map((r) => r.key);
    expect(keys).toEqual([`announce:${DAY}`, `headsup:${DAY}:${MEMBER}`, `announce:${DAY}:edit:${MEMBER}`]);
  });
});
