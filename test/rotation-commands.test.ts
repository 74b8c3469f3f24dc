import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, rowCounts, snapshot } from "./support/db.ts";
import { drain, testDelivery } from "./support/delivery.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// A Wednesday: the weekly Tuesday meetings are 2, 9, 16 and 23 March 2027 (then 30 March …).
const NOW = new Date("2027-02-24T03:00:00Z");
const TS = NOW.getTime() / 1000;
const AYU = "U0AYU";
const BUDI = "U0BUDI";
const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;

const ask = async (send: Send, text: string, user = MEMBER) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: TS,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
/** Presses a button as `user`; returns what guyub answered through the response_url. */
const press = async (send: Send, id: string, args: string[], user: string) => {
  const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
  await resetStandins();
  await send(await slackButton(packedButton(community?.id ?? 0, id, args), { user, timestamp: TS }));
  const [response] = (await sentTo("slack")).filter((c) => c.method === "response_url");
  return response?.body as { replace_original?: boolean; blocks?: unknown[]; text?: string };
};
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
const ledger = () =>
  rows("SELECT kind, meeting_day, member_id, other_member_id, reason FROM rotation_ledger ORDER BY id");
const rotationState = async () =>
  JSON.stringify([
    await ledger(),
    await rows("SELECT * FROM swap_requests"),
    await rows("SELECT * FROM outbox"),
  ]);
const outboxKeys = async () =>
  (await rows("SELECT idempotency_key FROM outbox ORDER BY id")).map((r) => r.idempotency_key);

/** A weekly Tuesday meeting and four members who joined long ago: AYU, BUDI, MEMBER, MODERATOR host in turn. */
async function setup(send: Send) {
  await ask(send, "help", MODERATOR);
  // UTC, chosen: a schedule would otherwise take the scheduling moderator's Slack zone.
  await env.DB.prepare("UPDATE communities SET timezone = 'UTC', timezone_set = 1").run();
  await ask(send, "meeting schedule weekly tue 19:00", MODERATOR);
  for (const user of [AYU, BUDI, MEMBER]) await ask(send, "help", user);
  await env.DB.prepare("UPDATE members SET joined_at = '2026-01-01T00:00:00.000Z'").run();
}

/** The host named on each line of `/cop rotation show`. */
const hosts = (reply: string) => [...reply.matchAll(/2027 at 19:00 UTC: (<@\w+>|nobody)/g)].map((m) => m[1]);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("/cop rotation show and fairness", () => {
  it("shows the next four meetings with their hosts, and turns per eligible member", async () => {
    const send = worker();
    expect(await ask(send, "rotation show")).toContain("No meeting is scheduled yet");
    await setup(send);
    const show = await ask(send, "rotation");
    expect(show).toContain("Who hosts the next meetings");
    expect(show).toContain("Tuesday, 2 March 2027 at 19:00 UTC: <@U0AYU>");
    expect(hosts(show)).toEqual(["<@U0AYU>", "<@U0BUDI>", "<@U0MEMBER>", "<@U0MODERATOR>"]);
    const fairness = await ask(send, "rotation fairness");
    expect(fairness).toContain("<@U0AYU>: hosted 0, passed 0");
    expect(fairness).toContain("<@U0MODERATOR>: hosted 0, passed 0");
    await ask(send, "language id", MODERATOR);
    const id = await ask(send, "rotation show");
    expect(id).toContain("Fasilitator pertemuan berikutnya");
    expect(id).toContain("Selasa, 2 Maret 2027 pukul 19.00 UTC: <@U0AYU>");
  });
});

describe("a forgotten member in the rotation's views", () => {
  it("fairness shows them as 'a former member', never a mention of the placeholder", async () => {
    const send = worker();
    await setup(send);
    await ask(send, "rotation pass");
    await press(send, "privacy.forget", [], MEMBER);
    const fairness = await ask(send, "rotation fairness", AYU);
    expect(fairness).toContain("a former member: hosted 0, passed 1");
    expect(fairness).not.toContain("former:");
  });
});

describe("/cop rotation pass", () => {
  it("hands the turn to the next fair choice, who gets exactly one heads-up; the passer's turn is postponed", async () => {
    const send = worker();
    await setup(send);
    const reply = await ask(send, "rotation pass");
    expect(reply).toContain(
      "You passed your turn on Tuesday, 16 March 2027 at 19:00 UTC: <@U0AYU> hosts it now.",
    );
    expect(await ledger()).toEqual([
      {
        kind: "passed",
        meeting_day: "2027-03-16",
        member_id: MEMBER,
        other_member_id: AYU,
        reason: "passed",
      },
    ]);
    expect(await outboxKeys()).toEqual(["headsup:2027-03-16:U0AYU"]);
    expect(await ask(send, "rotation fairness")).toContain("<@U0MEMBER>: hosted 0, passed 1, 1 postponed");
    // The heads-up reaches AYU once, with Pass and Swap buttons.
    const { deps, queue } = testDelivery();
    await drain(
      deps,
      queue,
      outboxQueue.take().map((m) => (m.body as { id: number }).id),
    );
    const dms = (await sentTo("slack")).filter(
      (c) => c.method === "chat.postMessage" && (c.body as { channel: string }).channel === "D0AYU",
    );
    expect(dms).toHaveLength(1);
    const text = JSON.stringify(dms[0]?.body);
    expect(text).toContain("You host the meeting on Tuesday, 16 March 2027 at 19:00 UTC.");
    expect(text).toContain("rotation.pass");
    expect(text).toContain("rotation.swap-open");
  });

  it("the heads-up's Pass works for that day's host only", async () => {
    const send = worker();
    await setup(send);
    const refused = await press(send, "rotation.pass", ["2027-03-02"], BUDI);
    expect(JSON.stringify(refused)).toContain("This is not your turn any more");
    expect(await ledger()).toEqual([]);
    const passed = await press(send, "rotation.pass", ["2027-03-02"], AYU);
    expect(passed.replace_original).toBe(true);
    expect(JSON.stringify(passed)).toContain("You passed your turn on Tuesday, 2 March 2027");
    expect(await ledger()).toEqual([
      expect.objectContaining({
        kind: "passed",
        meeting_day: "2027-03-02",
        member_id: AYU,
        other_member_id: BUDI,
      }),
    ]);
    expect(await outboxKeys()).toEqual(["headsup:2027-03-02:U0BUDI"]);
  });

  it("refuses when nobody else can take the turn, and changes nothing", async () => {
    const send = worker();
    await ask(send, "help", MODERATOR);
    await env.DB.prepare("UPDATE communities SET timezone = 'UTC', timezone_set = 1").run();
    await ask(send, "meeting schedule weekly tue 19:00", MODERATOR);
    await env.DB.prepare("UPDATE members SET joined_at = '2026-01-01T00:00:00.000Z'").run();
    const before = await snapshot();
    expect(await ask(send, "rotation pass", MODERATOR)).toContain(
      "Nobody else can host on Tuesday, 2 March 2027 at 19:00 UTC, so your turn stays. Nothing was changed.",
    );
    expect(await snapshot()).toBe(before);
  });
});

describe("/cop rotation swap", () => {
  it("declined: the turn stays, recorded; a second press or someone else's changes nothing", async () => {
    const send = worker();
    await setup(send);
    const asked = await ask(send, "rotation swap <@U0BUDI>");
    expect(asked).toContain("I asked <@U0BUDI> whether they can take your turn on Tuesday, 16 March 2027");
    expect(await rows("SELECT meeting_day, from_user, to_user, status FROM swap_requests")).toEqual([
      { meeting_day: "2027-03-16", from_user: MEMBER, to_user: BUDI, status: "pending" },
    ]);
    expect(await outboxKeys()).toEqual(["swap:2027-03-16:U0MEMBER:U0BUDI"]);
    expect(await ask(send, "rotation swap <@U0BUDI>")).toContain("You already asked <@U0BUDI>");

    const args = ["2027-03-16", MEMBER];
    const other = await press(send, "rotation.swap-decline", args, AYU);
    expect(JSON.stringify(other)).toContain("Only the member who was asked can answer");
    const declined = await press(send, "rotation.swap-decline", args, BUDI);
    expect(declined.replace_original).toBe(true);
    expect(JSON.stringify(declined)).toContain("You declined: <@U0MEMBER> keeps the turn");
    expect(await ledger()).toEqual([
      {
        kind: "swapped",
        meeting_day: "2027-03-16",
        member_id: MEMBER,
        other_member_id: BUDI,
        reason: "declined",
      },
    ]);
    expect(await rows("SELECT status FROM swap_requests")).toEqual([{ status: "declined" }]);
    expect(await outboxKeys()).toEqual([
      "swap:2027-03-16:U0MEMBER:U0BUDI",
      "swap:2027-03-16:U0MEMBER:U0BUDI:answer",
    ]);
    expect(hosts(await ask(send, "rotation show"))[2]).toBe("<@U0MEMBER>");

    // A press is activity (another feature records it); the rotation and the outbox must not move.
    const state = await rotationState();
    for (const id of ["rotation.swap-accept", "rotation.swap-decline"]) {
      expect(JSON.stringify(await press(send, id, args, BUDI))).toContain("already answered");
    }
    expect(await rotationState()).toEqual(state);
  });

  it("accepted: the ledger shows both sides, the asker hears back, the new host gets the heads-up, once", async () => {
    const send = worker();
    await setup(send);
    await ask(send, "rotation swap <@U0BUDI>");
    const args = ["2027-03-16", MEMBER];
    const accepted = await press(send, "rotation.swap-accept", args, BUDI);
    expect(JSON.stringify(accepted)).toContain(
      "You accepted: you host the meeting on Tuesday, 16 March 2027 at 19:00 UTC, and <@U0MEMBER> takes your turn on Tuesday, 6 April 2027",
    );
    expect(await ledger()).toEqual([
      {
        kind: "swapped",
        meeting_day: "2027-03-16",
        member_id: BUDI,
        other_member_id: MEMBER,
        reason: "accepted",
      },
      {
        kind: "swapped",
        meeting_day: "2027-04-06",
        member_id: MEMBER,
        other_member_id: BUDI,
        reason: "accepted",
      },
    ]);
    expect(await rows("SELECT status FROM swap_requests")).toEqual([{ status: "accepted" }]);
    expect(await outboxKeys()).toEqual([
      "swap:2027-03-16:U0MEMBER:U0BUDI",
      "swap:2027-03-16:U0MEMBER:U0BUDI:answer",
      "headsup:2027-03-16:U0BUDI",
    ]);
    expect(hosts(await ask(send, "rotation show"))).toEqual([
      "<@U0AYU>",
      "<@U0MODERATOR>",
      "<@U0BUDI>",
      "<@U0AYU>",
    ]);

    const state = await rotationState();
    expect(JSON.stringify(await press(send, "rotation.swap-accept", args, BUDI))).toContain(
      "already answered",
    );
    expect(await rotationState()).toEqual(state);
  });

  it("refuses a self-swap, an unknown member, a member who cannot host that day, and writes nothing", async () => {
    const send = worker();
    await setup(send);
    await ask(send, "help", "U0ZED");
    await env.DB.prepare("UPDATE members SET joined_at = '2026-01-01T00:00:00.000Z'").run();
    await ask(send, "rotation remove <@U0ZED>", MODERATOR); // out of the rotation: no turn, cannot host
    await ask(send, "rotation mode volunteers"); // the member's platform-admin answer is cached now
    const counts = await rowCounts();
    const before = await snapshot();
    expect(await ask(send, "rotation swap <@U0MEMBER>")).toContain("You cannot swap with yourself");
    expect(await ask(send, "rotation swap <@U0NOBODY>")).toContain(
      "<@U0NOBODY> is not an active member of this community",
    );
    expect(await ask(send, "rotation swap <@U0ZED>")).toContain(
      "<@U0ZED> cannot host on Tuesday, 16 March 2027",
    );
    expect(await ask(send, "rotation pass", "U0ZED")).toContain("You have no turn in the next 4 meetings");
    expect(await ask(send, "rotation swap <@U0AYU>", "U0ZED")).toContain(
      "You have no turn in the next 4 meetings",
    );
    expect(await ask(send, "rotation away 2027-03-10 2027-03-01")).toContain("comes before the first day");
    expect(await ask(send, "rotation away 2027-02-30 2027-03-01")).toContain("“2027-02-30” is not a date");
    expect(await ask(send, "rotation away 2026-03-01 2026-03-05")).toContain("That range is already over");
    for (const line of ["rotation add <@U0AYU>", "rotation remove <@U0AYU>", "rotation mode volunteers"]) {
      expect(await ask(send, line)).toContain("Only moderators can use");
    }
    expect(await rowCounts()).toEqual(counts);
    expect(await snapshot()).toBe(before);
  });
});

describe("/cop rotation volunteer, away and the moderators' commands", () => {
  it("remove keeps the history, add puts a member back, volunteers mode, volunteer takes the next open turn", async () => {
    const send = worker();
    await setup(send);
    expect(await ask(send, "rotation remove <@U0AYU>", MODERATOR)).toContain(
      "<@U0AYU> is out of the rotation",
    );
    expect(await ask(send, "rotation remove <@U0AYU>", MODERATOR)).toContain("already out");
    expect(hosts(await ask(send, "rotation show"))).not.toContain("<@U0AYU>");
    expect(await ask(send, "rotation volunteer", AYU)).toContain("A moderator took you out of the rotation");
    expect(await ask(send, "rotation add <@U0AYU>", MODERATOR)).toContain("<@U0AYU> is in the rotation now");
    expect(await ask(send, "rotation mode volunteers", MODERATOR)).toContain(
      "Only members who volunteered take turns now (1 so far)",
    );
    expect(await ask(send, "rotation mode volunteers", MODERATOR)).toContain("already in that mode");
    expect(hosts(await ask(send, "rotation show"))).toEqual(["<@U0AYU>", "<@U0AYU>", "<@U0AYU>", "<@U0AYU>"]);
    expect(await ask(send, "rotation volunteer", BUDI)).toContain(
      "Thank you! You host the meeting on Tuesday, 2 March 2027 at 19:00 UTC.",
    );
    expect(await ledger()).toEqual([
      {
        kind: "volunteered",
        meeting_day: "2027-03-02",
        member_id: BUDI,
        other_member_id: null,
        reason: "volunteered",
      },
    ]);
    expect(hosts(await ask(send, "rotation show"))).toEqual([
      "<@U0BUDI>",
      "<@U0AYU>",
      "<@U0BUDI>",
      "<@U0AYU>",
    ]);
    expect(await rows("SELECT user_id, opted_in, excluded FROM rotation_members ORDER BY user_id")).toEqual([
      { user_id: AYU, opted_in: 1, excluded: 0 },
      { user_id: BUDI, opted_in: 1, excluded: 0 },
    ]);
  });

  it("away: the turn on those days moves, and the reply says to whom", async () => {
    const send = worker();
    await setup(send);
    const reply = await ask(send, "rotation away 2027-03-15 2027-03-20");
    expect(reply).toContain("You are away from Monday, 15 March 2027 to Saturday, 20 March 2027");
    expect(reply).toContain("Your turn on Tuesday, 16 March 2027 at 19:00 UTC moves to <@U0MODERATOR>.");
    expect(hosts(await ask(send, "rotation show"))[2]).toBe("<@U0MODERATOR>");
    expect(await rows("SELECT user_id, from_day, to_day FROM rotation_aways")).toEqual([
      { user_id: MEMBER, from_day: "2027-03-15", to_day: "2027-03-20" },
    ]);
  });
});
