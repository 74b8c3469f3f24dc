import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  DISCORD_MODERATOR,
  group,
  MANAGE_GUILD,
  rootOfOptions,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { discordButton, packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// A Wednesday: the weekly Tuesday meetings are 2, 9, 16 and 23 March 2027.
const NOW = new Date("2027-02-24T03:00:00Z");
const TS = NOW.getTime() / 1000;
const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
const communityId = async () =>
  (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;
/** Everyone joined long ago (eligible) and the zone is UTC, chosen. */
const settle = () =>
  env.DB.batch([
    env.DB.prepare("UPDATE members SET joined_at = '2026-01-01T00:00:00.000Z'"),
    env.DB.prepare("UPDATE communities SET timezone = 'UTC', timezone_set = 1"),
  ]);

const slack = async (send: Send, text: string, user = MEMBER) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: TS,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("Slack: the heads-up's Swap and an announced meeting", () => {
  it("Swap opens a form of members who can host that day; choosing one asks them", async () => {
    const send = worker();
    await slack(send, "help", MODERATOR);
    await settle();
    await slack(send, "meeting schedule weekly tue 19:00", MODERATOR);
    for (const user of ["U0AYU", "U0BUDI", MEMBER]) await slack(send, "help", user);
    await settle();
    const id = await communityId();
    // AYU hosts 2 March; BUDI is away that day, so only MEMBER and MODERATOR can be asked.
    await slack(send, "rotation away 2027-03-01 2027-03-03", "U0BUDI");
    await send(
      await slackButton(packedButton(id, "rotation.swap-open", ["2027-03-02"]), {
        user: "U0AYU",
        timestamp: TS,
      }),
    );
    const [opened] = (await sentTo("slack")).filter((c) => c.method === "views.open");
    expect(opened?.response).toMatchObject({ ok: true });
    const view = JSON.parse(String((opened?.body as { view?: string } | undefined)?.view));
    expect(view.callback_id).toBe(`rotation.swap:${id}:2027-03-02`);
    const options = JSON.stringify(view.blocks);
    expect(options).toContain(`"value":"${MEMBER}"`);
    expect(options).toContain(`"value":"${MODERATOR}"`);
    expect(options).not.toContain("U0BUDI");
    expect(options).not.toContain('"value":"U0AYU"');

    const submitted = await send(
      await slackSubmit(
        `rotation.swap:${id}:2027-03-02`,
        { member: [MEMBER] },
        {
          user: "U0AYU",
          selects: { member: "static_select" },
          title: "Swap your turn",
          timestamp: TS,
        },
      ),
    );
    expect(JSON.stringify(await submitted.json())).toContain(
      "I asked <@U0MEMBER> whether they can take your turn",
    );
    expect(await rows("SELECT meeting_day, from_user, to_user, status FROM swap_requests")).toEqual([
      { meeting_day: "2027-03-02", from_user: "U0AYU", to_user: MEMBER, status: "pending" },
    ]);
  });

  it("a pass edits the meeting's announcement in place to name the new host", async () => {
    const send = worker();
    await slack(send, "help", MODERATOR);
    await settle();
    await slack(send, "meeting schedule weekly tue 19:00", MODERATOR);
    for (const user of ["U0AYU", "U0BUDI", MEMBER]) await slack(send, "help", user);
    await settle();
    // The announcement of 16 March (MEMBER's turn) is already out.
    await env.DB.prepare(
      `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, created_at, updated_at)
       VALUES (?, 'announce:2027-03-16', 'post', 'C0GENERAL', '{}', 'sent', ?, ?)`,
    )
      .bind(await communityId(), NOW.toISOString(), NOW.toISOString())
      .run();
    expect(await slack(send, "rotation pass")).toContain("<@U0AYU> hosts it now");
    const edits = await rows("SELECT kind, target, payload FROM outbox WHERE kind = 'edit'");
    expect(edits).toEqual([expect.objectContaining({ kind: "edit", target: "announce:2027-03-16" })]);
    expect(String(edits[0]?.payload)).toContain('{"user":"U0AYU"}');
  });
});

describe("Discord: a swap asked with the command and accepted in the DM", () => {
  it("records both sides and updates the request in place", async () => {
    const send = worker();
    const discord = (options: unknown[], user = DISCORD_MEMBER, permissions = "0") =>
      signedDiscord(commandInteraction(options, { user, permissions, root: rootOfOptions(options) }), {
        timestamp: TS,
      });
    const json = async (request: Promise<Request>) =>
      (await (await send(await request)).json()) as { type: number; data: { content?: string } };
    await json(discord([sub("help")], DISCORD_MODERATOR, MANAGE_GUILD));
    await settle();
    const schedule = sub("schedule", [str("cadence", "weekly"), str("weekday", "tue"), str("time", "19:00")]);
    await json(discord([group("meeting", schedule)], DISCORD_MODERATOR, MANAGE_GUILD));
    const third = "300000000000000003";
    await json(discord([sub("help")], third));
    await json(discord([sub("help")]));
    await settle();
    // By id: …001 hosts 2 March, …002 9 March, …003 16 March.
    const swap = group("rotation", sub("swap", [{ type: 6, name: "member", value: third }]));
    const asked = await json(discord([swap]));
    expect(asked.data.content).toContain(
      `I asked <@${third}> whether they can take your turn on Tuesday, 2 March 2027`,
    );

    const accept = packedButton(await communityId(), "rotation.swap-accept", ["2027-03-02", DISCORD_MEMBER]);
    const pressed = await send(
      await signedDiscord(discordButton(accept, { user: third, guild: null }), { timestamp: TS }),
    );
    const answer = (await pressed.json()) as { type: number; data: { content?: string } };
    expect(answer.type).toBe(7); // the request's message, replaced
    expect(answer.data.content).toContain("You accepted: you host the meeting on Tuesday, 2 March 2027");
    expect(
      await rows(
        "SELECT kind, meeting_day, member_id, other_member_id, reason FROM rotation_ledger ORDER BY id",
      ),
    ).toEqual([
      {
        kind: "swapped",
        meeting_day: "2027-03-02",
        member_id: third,
        other_member_id: DISCORD_MEMBER,
        reason: "accepted",
      },
      {
        kind: "swapped",
        meeting_day: "2027-03-16",
        member_id: DISCORD_MEMBER,
        other_member_id: third,
        reason: "accepted",
      },
    ]);
    const again = await send(
      await signedDiscord(discordButton(accept, { user: third, guild: null }), { timestamp: TS }),
    );
    expect(JSON.stringify(await again.json())).toContain("already answered");
    expect(await rows("SELECT count(*) AS n FROM rotation_ledger")).toEqual([{ n: 2 }]);
  });
});
