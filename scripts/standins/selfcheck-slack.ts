/** Slack checks of the stand-in self-check (run by selfcheck.ts): auth, methods, limits, response_url. */
import assert from "node:assert/strict";
import { type Check, type Client, OTHER_SLACK_TOKEN, SLACK_TOKEN, slackResult } from "./selfcheck-client.ts";

export function slackChecks(c: Client): Check[] {
  return [
    [
      "slack: token checks like Slack",
      async () => {
        await slackResult(c.slack("auth.test", {}, null), "not_authed");
        await slackResult(c.slack("auth.test", {}, "xoxb-wrong"), "invalid_auth");
        await slackResult(c.slack("auth.test", { token: SLACK_TOKEN }, null));
        await slackResult(c.slackJson("auth.test", { token: "ignored" }, SLACK_TOKEN));
        const res = await fetch(`${c.base}/slack/api/auth.test`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: SLACK_TOKEN }),
        });
        assert.equal(
          ((await res.json()) as { error: string }).error,
          "not_authed",
          "JSON bodies carry no token",
        );
        assert.equal((await c.slack("nope.never")).status, 404);
      },
    ],
    [
      "slack: users.info directory",
      async () => {
        const user = async (id: string) =>
          (await slackResult(c.slack("users.info", { user: id }))).user as Record<string, unknown>;
        assert.deepEqual(await user("U0MEMBER").then((u) => [u.name, u.is_admin, u.is_owner]), [
          "ayu",
          false,
          false,
        ]);
        assert.deepEqual(await user("U0MODERATOR").then((u) => [u.name, u.is_admin, u.is_owner]), [
          "budi",
          true,
          false,
        ]);
        assert.deepEqual(await user("U0OWNER").then((u) => [u.is_admin, u.is_owner]), [true, true]);
        const random = await user("U123ABC");
        assert.deepEqual(
          [random.id, random.is_admin, random.deleted, random.tz],
          ["U123ABC", false, false, "Asia/Jakarta"],
        );
        assert.ok((random.profile as Record<string, unknown>).display_name);
        await slackResult(c.slack("users.info", { user: "not-a-user" }), "user_not_found");
      },
    ],
    [
      "slack: chat.postMessage validation",
      async () => {
        const a = await slackResult(c.slack("chat.postMessage", { channel: "C1", text: "hello" }));
        const b = await slackResult(
          c.slackJson("chat.postMessage", { channel: "C1", blocks: [{ type: "divider" }] }),
        );
        assert.match(String(a.ts), /^\d+\.000100$/);
        assert.notEqual(a.ts, b.ts);
        await slackResult(c.slack("chat.postMessage", { channel: "C3", blocks: '[{"type":"divider"}]' }));
        await slackResult(c.slack("chat.postMessage", { channel: "C3" }), "no_text");
        await slackResult(c.slack("chat.postMessage", { text: "x" }), "channel_not_found");
        await slackResult(c.slack("chat.postMessage", { channel: "C3", blocks: "{}" }), "invalid_blocks");
        await slackResult(
          c.slackJson("chat.postMessage", { channel: "C4", blocks: [{ text: "no type" }] }),
          "invalid_blocks",
        );
        const many = Array.from({ length: 51 }, () => ({ type: "divider" }));
        await slackResult(c.slackJson("chat.postMessage", { channel: "C2", blocks: many }), "invalid_blocks");
        const dm = await slackResult(c.slack("chat.postMessage", { channel: "U0MEMBER", text: "hi" }));
        assert.equal(dm.channel, "D0MEMBER");
      },
    ],
    [
      "slack: chat.postEphemeral and conversations.open",
      async () => {
        assert.ok(
          (
            await slackResult(
              c.slack("chat.postEphemeral", { channel: "C1", user: "U0MEMBER", text: "psst" }),
            )
          ).message_ts,
        );
        await slackResult(
          c.slack("chat.postEphemeral", { channel: "C1", user: "x", text: "psst" }),
          "user_not_in_channel",
        );
        const open = await slackResult(c.slack("conversations.open", { users: "U0MEMBER" }));
        assert.deepEqual(open.channel, { id: "D0MEMBER" });
        await slackResult(c.slack("conversations.open", {}), "users_list_not_supplied");
        await slackResult(c.slack("conversations.open", { users: "U0GUYUBBOT" }), "cannot_dm_bot");
      },
    ],
    [
      "slack: tier limits per method per token, 429 + Retry-After",
      async () => {
        for (let i = 0; i < 100; i++) await slackResult(c.slack("users.info", { user: "U0MEMBER" }));
        const limited = await c.slack("users.info", { user: "U0MEMBER" });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get("retry-after")) >= 1);
        assert.deepEqual(await limited.json(), { ok: false, error: "ratelimited" });
        await slackResult(c.slack("users.info", { user: "U0MEMBER" }, OTHER_SLACK_TOKEN));
        await slackResult(c.slack("auth.test"));
        for (let i = 0; i < 50; i++) await slackResult(c.slack("conversations.open", { users: "U0MEMBER" }));
        assert.equal((await c.slack("conversations.open", { users: "U0MEMBER" })).status, 429);
      },
    ],
    [
      "slack: chat.postMessage paced per channel",
      async () => {
        for (let i = 0; i < 5; i++)
          await slackResult(c.slack("chat.postMessage", { channel: "C9", text: `${i}` }));
        assert.equal((await c.slack("chat.postMessage", { channel: "C9", text: "burst" })).status, 429);
        await slackResult(c.slack("chat.postMessage", { channel: "C10", text: "other channel" }));
      },
    ],
    [
      "slack: response_url, five uses",
      async () => {
        const post = (body: string) =>
          fetch(`${c.base}/slack/response/T0/1/abc`, {
            method: "POST",
            body,
            headers: { "content-type": "application/json" },
          });
        assert.equal((await post("{bad")).status, 400);
        for (let i = 0; i < 5; i++) {
          const r = await post(JSON.stringify({ text: `reply ${i}` }));
          assert.deepEqual([r.status, await r.text()], [200, "ok"]);
        }
        assert.deepEqual(await post('{"text":"6th"}').then(async (r) => [r.status, await r.text()]), [
          404,
          "used_url",
        ]);
      },
    ],
    [
      "slack: views.open exchanges each trigger_id once, as Slack does",
      async () => {
        const modal = JSON.stringify({
          type: "modal",
          title: { type: "plain_text", text: "Form" },
          blocks: [],
        });
        const open = (trigger: string) => c.slack("views.open", { trigger_id: trigger, view: modal });
        const first = await slackResult(open("1700000000.1.aa"));
        assert.match(String((first.view as Record<string, unknown>).id), /^V\d+/);
        await slackResult(open("1700000000.1.aa"), "exchanged_trigger_id");
        await slackResult(open("1700000000.2.bb"));
        await slackResult(open("expired"), "expired_trigger_id");
      },
    ],
    [
      "slack: recorder keeps accepted calls without tokens",
      async () => {
        await c.slack("chat.postMessage", { channel: "C1", text: "kept", token: SLACK_TOKEN }, null);
        await c.slack("chat.postMessage", { channel: "C1" });
        const sent = (await (await c.control("GET", "/__sent?platform=slack")).json()) as Record<
          string,
          unknown
        >[];
        assert.equal(sent.length, 1);
        assert.deepEqual(sent[0]?.body, { channel: "C1", text: "kept" });
        assert.equal(sent[0]?.method, "chat.postMessage");
      },
    ],
  ];
}
