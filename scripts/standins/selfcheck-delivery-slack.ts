/**
 * Slack checks for the delivery engine (run by selfcheck.ts): the workspace cap, users.list
 * paging, chat.update, history, undeliverable DMs and lost access.
 */
import assert from "node:assert/strict";
import {
  type Check,
  type Client,
  control,
  OTHER_SLACK_TOKEN,
  SLACK_TOKEN,
  slackResult,
} from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;

export function deliverySlackChecks(c: Client): Check[] {
  const post = (channel: string, text = "x", token = SLACK_TOKEN) =>
    c.slack("chat.postMessage", { channel, text }, token);
  return [
    [
      "slack: workspace cap across channels; refused calls are not counted",
      async () => {
        await control(c, "POST", "/__config", {
          slackLimits: {
            "chat.postMessage": { limit: 1, windowMs: 60_000 },
            "chat.postMessage:workspace": { limit: 3, windowMs: 60_000 },
          },
        });
        await slackResult(post("C1"));
        assert.equal((await post("C1")).status, 429, "the channel's own limit");
        await slackResult(post("C2"));
        await slackResult(post("C3"));
        const capped = await post("C4");
        assert.equal(capped.status, 429, "the workspace cap, though C4 is fresh");
        await slackResult(post("C4", "x", OTHER_SLACK_TOKEN));
        const stats = (await control(c, "GET", "/__stats")).slack as Obj;
        assert.deepEqual(stats.rateLimitedBy, { "chat.postMessage": 1, "chat.postMessage:workspace": 1 });
        assert.equal(stats.accepted, 4);
      },
    ],
    [
      "slack: users.list pages with limit and cursor",
      async () => {
        await control(c, "POST", "/__config", { slackUserCount: 250 });
        const ids: string[] = [];
        const sizes: number[] = [];
        let cursor = "";
        do {
          const page = await slackResult(c.slack("users.list", cursor ? { cursor } : {}));
          const members = page.members as Obj[];
          sizes.push(members.length);
          ids.push(...members.map((m) => String(m.id)));
          cursor = String((page.response_metadata as Obj).next_cursor);
        } while (cursor);
        assert.deepEqual(sizes, [100, 100, 50]);
        assert.equal(new Set(ids).size, 250);
        assert.deepEqual(ids.slice(0, 2), ["U0MEMBER", "U0MODERATOR"]);
        const big = await slackResult(c.slack("users.list", { limit: "500" }));
        assert.equal((big.members as Obj[]).length, 200, "limit is capped at 200");
        const first = (big.members as Obj[])[10] as Obj;
        assert.deepEqual(
          [first.tz, first.is_bot, typeof (first.profile as Obj).display_name],
          ["Asia/Jakarta", false, "string"],
        );
        await slackResult(c.slack("users.list", { cursor: "bm9wZQ==" }), "invalid_cursor");
      },
    ],
    [
      "slack: chat.update, conversations.history and conversations.members",
      async () => {
        const posted = await slackResult(post("C5", "draft"));
        const update = (args: Record<string, string>, token = SLACK_TOKEN) =>
          c.slack("chat.update", { channel: "C5", ts: String(posted.ts), text: "final", ...args }, token);
        const updated = await slackResult(update({}));
        assert.deepEqual([updated.ts, (updated.message as Obj).text], [posted.ts, "final"]);
        await slackResult(update({ ts: "1.000100" }), "message_not_found");
        await slackResult(update({}, OTHER_SLACK_TOKEN), "cant_update_message");
        await slackResult(update({ text: "" }), "no_text");
        await slackResult(post("C5", "second"));
        const history = await slackResult(c.slack("conversations.history", { channel: "C5" }));
        assert.deepEqual(
          (history.messages as Obj[]).map((m) => m.text),
          ["second", "final"],
        );
        const members = await slackResult(c.slack("conversations.members", { channel: "C5" }));
        assert.ok((members.members as string[]).includes("U0MEMBER"));
        assert.ok(!(members.members as string[]).includes("U0DEACTIVATED"));
      },
    ],
    [
      "slack: undeliverable DMs",
      async () => {
        await control(c, "POST", "/__undeliverable", { platform: "slack", userId: "U0GONE" });
        await control(c, "POST", "/__undeliverable", {
          platform: "slack",
          userId: "U0HIDDEN",
          error: "user_not_visible",
        });
        await control(c, "POST", "/__undeliverable", { platform: "slack", userId: "U1", error: "x" }, 400);
        await slackResult(c.slack("conversations.open", { users: "U0GONE" }), "user_not_found");
        await slackResult(post("U0GONE"), "user_not_found");
        await slackResult(c.slack("conversations.open", { users: "U0HIDDEN" }), "user_not_visible");
        await slackResult(post("U0HIDDEN"), "user_not_visible");
        await slackResult(c.slack("conversations.open", { users: "U0DEACTIVATED" }), "user_disabled");
        await slackResult(post("U0MEMBER"));
      },
    ],
    [
      "slack: lost channels and revoked tokens",
      async () => {
        await control(c, "POST", "/__lost", { platform: "slack", channelId: "C6" });
        await control(c, "POST", "/__lost", { platform: "slack", channelId: "C7", kind: "not_in_channel" });
        await control(c, "POST", "/__lost", { platform: "slack", token: OTHER_SLACK_TOKEN });
        await control(c, "POST", "/__lost", { platform: "slack", channelId: "C8", token: "x" }, 400);
        await control(c, "POST", "/__lost", { platform: "slack", guildId: "1" }, 400);
        await control(c, "POST", "/__lost", { platform: "slack", channelId: "C9", kind: "gone" }, 400);
        await slackResult(post("C6"), "channel_not_found");
        await slackResult(post("C7"), "not_in_channel");
        await slackResult(post("C8"));
        await slackResult(c.slack("auth.test", {}, OTHER_SLACK_TOKEN), "token_revoked");
        await slackResult(post("C8", "x", OTHER_SLACK_TOKEN), "token_revoked");
        // Invited again: the channel takes posts; the other marks stay.
        await control(c, "POST", "/__found", { platform: "slack", channelId: "C7" });
        await slackResult(post("C7"));
        await slackResult(post("C6"), "channel_not_found");
        await control(c, "POST", "/__reset");
        await slackResult(post("C6"));
        await slackResult(c.slack("auth.test", {}, OTHER_SLACK_TOKEN));
      },
    ],
  ];
}
