/**
 * Runtime config, time-scaled limits, stats and the transcript (run by selfcheck.ts). The time
 * scale of 10 turns five posts per five seconds into five per half a second, so this stays fast.
 */
import assert from "node:assert/strict";
import { createStandins } from "./index.ts";
import { BOT_TOKEN, type Check, type Client, control, SLACK_TOKEN, slackResult } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function scaleChecks(c: Client): Check[] {
  return [
    [
      "control: config validation, merge and reset",
      async () => {
        assert.equal((await control(c, "GET", "/__config")).timeScale, 1);
        await control(c, "POST", "/__config", { timescale: 10 }, 400);
        await control(c, "POST", "/__config", { timeScale: 0 }, 400);
        await control(c, "POST", "/__config", { slackLimits: { "users.info": { limit: -1 } } }, 400);
        const set = await control(c, "POST", "/__config", {
          timeScale: 10,
          slackLimits: { "users.info": { limit: 3, windowMs: 60_000 } },
        });
        const limits = set.limits as Record<string, Record<string, Obj>>;
        assert.deepEqual(limits.slack?.["users.info"], { limit: 3, windowMs: 6_000, per: "token" });
        assert.equal(limits.slack?.["chat.postMessage"]?.windowMs, 500, "other entries kept, scaled");
        const read = await control(c, "GET", "/__limits");
        assert.deepEqual((read.discord as Obj).global, { limit: 50, windowMs: 100, per: "bot" });
        assert.equal("discordBotToken" in (await control(c, "GET", "/__config")), false);
        await control(c, "POST", "/__reset");
        const after = await control(c, "GET", "/__limits");
        assert.deepEqual(
          [after.timeScale, (after.slack as Record<string, Obj>)["users.info"]?.limit],
          [1, 100],
        );
      },
    ],
    [
      "control: time scale 10 shortens windows and Retry-After",
      async () => {
        await control(c, "POST", "/__config", { timeScale: 10 });
        const post = () => c.slack("chat.postMessage", { channel: "C1", text: "x" });
        for (let i = 0; i < 5; i++) await slackResult(post());
        const limited = await post();
        const retryAfter = Number(limited.headers.get("retry-after"));
        assert.equal(limited.status, 429);
        assert.ok(retryAfter > 0 && retryAfter <= 0.5, `Retry-After ${retryAfter}`);
        await sleep(retryAfter * 1000 + 20);
        await slackResult(post());
        const discord = () => c.discord("POST", "/channels/90/messages", { content: "x" });
        for (let i = 0; i < 5; i++) assert.equal((await discord()).status, 200);
        const refused = await discord();
        const body = (await refused.json()) as Obj;
        assert.ok(Number(body.retry_after) <= 0.5, JSON.stringify(body));
        assert.equal(refused.headers.get("retry-after"), String(body.retry_after));
        await control(c, "POST", "/__faults", {
          platform: "slack",
          match: "auth.test",
          status: 429,
          retryAfter: 2,
        });
        const fault = await c.slack("auth.test");
        assert.equal(fault.headers.get("retry-after"), "0.2", "fault Retry-After is scaled too");
      },
    ],
    [
      "control: stats count accepted calls, 429s and errors",
      async () => {
        await slackResult(c.slack("auth.test"));
        await slackResult(c.slack("users.info", { user: "nobody" }), "user_not_found");
        await control(c, "POST", "/__faults", { platform: "slack", match: "auth.test", status: 429 });
        await c.slack("auth.test");
        await c.discord("POST", "/channels/91/messages", { content: "x" });
        await c.discord("POST", "/channels/91/messages", {});
        const stats = await control(c, "GET", "/__stats");
        assert.deepEqual(stats.slack, {
          accepted: 1,
          rateLimited: 1,
          errors: 1,
          acceptedBy: { "auth.test": 1 },
          rateLimitedBy: { "auth.test": 1 },
          errorsBy: { user_not_found: 1 },
        });
        const discord = stats.discord as Obj;
        assert.deepEqual([discord.accepted, discord.errorsBy], [1, { "400 50006": 1 }]);
        await control(c, "POST", "/__reset");
        assert.equal(((await control(c, "GET", "/__stats")).slack as Obj).accepted, 0);
      },
    ],
    [
      "transcript: one readable line per message",
      async () => {
        const lines: string[] = [];
        const config = { slackTokens: [SLACK_TOKEN], discordBotToken: BOT_TOKEN };
        const { app } = createStandins(config, { transcript: (l) => lines.push(l) });
        const blocks = [
          { type: "section", text: { type: "mrkdwn", text: "Welcome, <@U0MEMBER>!" } },
          { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Join" } }] },
        ];
        const slack = (method: string, body: Obj) =>
          app.request(`/slack/api/${method}`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${SLACK_TOKEN}` },
            body: JSON.stringify(body),
          });
        const posted = (await (
          await slack("chat.postMessage", { channel: "C0GENERAL", blocks })
        ).json()) as Obj;
        await slack("chat.update", { channel: "C0GENERAL", ts: posted.ts, text: "Edited" });
        await slack("chat.postMessage", { channel: "U0MEMBER", text: "x".repeat(300) });
        assert.equal(lines[0], "[slack #C0GENERAL] guyub: Welcome, @ayu! · [Join]");
        assert.match(lines[1] ?? "", /^\[slack #C0GENERAL edit \d{4}…00\] guyub: Edited$/);
        assert.match(lines[2] ?? "", /^\[slack DM @ayu\] guyub: x+…$/);
        assert.ok((lines[2] ?? "").length < 240, "long messages are cut");
        const discord = (method: string, path: string, body: Obj) =>
          app.request(`/discord/api/v10${path}`, {
            method,
            headers: { "content-type": "application/json", authorization: `Bot ${BOT_TOKEN}` },
            body: JSON.stringify(body),
          });
        const dm = (await (
          await discord("POST", "/users/@me/channels", { recipient_id: "300000000000000001" })
        ).json()) as Obj;
        const components = [{ type: 1, components: [{ type: 2, label: "RSVP", style: 1, custom_id: "r" }] }];
        const sent = (await (
          await discord("POST", `/channels/${dm.id}/messages`, { embeds: [{ title: "Meetup" }], components })
        ).json()) as Obj;
        await discord("PATCH", `/channels/${dm.id}/messages/${sent.id}`, {
          content: "Moved to <#123456789012345678>",
        });
        assert.equal(lines[3], "[discord DM 3000…01] guyub: Meetup · [RSVP]");
        assert.match(
          lines[4] ?? "",
          /^\[discord DM 3000…01 edit \d{4}…\d{2}\] guyub: Moved to #1234…78 · Meetup · \[RSVP\]$/,
        );
      },
    ],
  ];
}
