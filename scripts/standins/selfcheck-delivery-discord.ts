/**
 * Discord checks for the delivery engine (run by selfcheck.ts): edits, channel history, guild
 * member paging, undeliverable DMs, lost access, global 429 storms and slow answers.
 */
import assert from "node:assert/strict";
import { BOT_TOKEN, type Check, type Client, control, discordResult } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;

export function deliveryDiscordChecks(c: Client): Check[] {
  const post = (channel: string, content = "x") =>
    c.discord("POST", `/channels/${channel}/messages`, { content });
  const fault = (body: Obj) => control(c, "POST", "/__faults", { platform: "discord", ...body });
  return [
    [
      "discord: message edits and channel history",
      async () => {
        const ids: string[] = [];
        for (const text of ["one", "two", "three"])
          ids.push(String((await discordResult(post("50", text), 200)).id));
        const [first, second] = ids as [string, string, string];
        const edited = await discordResult(
          c.discord("PATCH", `/channels/50/messages/${second}`, { content: "TWO" }),
          200,
        );
        assert.deepEqual(
          [edited.id, edited.content, typeof edited.edited_timestamp],
          [second, "TWO", "string"],
        );
        await discordResult(c.discord("PATCH", `/channels/50/messages/1`, { content: "?" }), 404, 10008);
        await discordResult(
          c.discord("PATCH", `/channels/51/messages/${second}`, { content: "?" }),
          404,
          10008,
        );
        const latest = await discordResult(c.discord("GET", "/channels/50/messages?limit=2"), 200);
        assert.deepEqual(
          latest.map((m) => m.content),
          ["three", "TWO"],
        );
        const after = await discordResult(c.discord("GET", `/channels/50/messages?after=${first}`), 200);
        assert.deepEqual(
          after.map((m) => m.content),
          ["three", "TWO"],
        );
        await discordResult(c.discord("GET", "/channels/50/messages?limit=101"), 400, 50035);
      },
    ],
    [
      "discord: guild members paged by after",
      async () => {
        await control(c, "POST", "/__config", { discordMemberCount: 250 });
        const seen: Obj[] = [];
        let after = "0";
        for (;;) {
          const page = await discordResult(
            c.discord("GET", `/guilds/60/members?limit=100&after=${after}`),
            200,
          );
          seen.push(...page);
          if (page.length < 100) break;
          const last = page.at(-1)?.user as Obj | undefined;
          after = String(last?.id);
        }
        const ids = seen.map((m) => BigInt((m.user as Obj).id as string));
        assert.equal(ids.length, 250);
        assert.ok(
          ids.every((id, i) => i === 0 || (ids[i - 1] as bigint) < id),
          "sorted by user id",
        );
        assert.equal((seen[0]?.user as Obj | undefined)?.bot, true, "the bot is a member too");
        assert.ok(seen.some((m) => typeof m.nick === "string"));
        const one = await discordResult(c.discord("GET", "/guilds/60/members"), 200);
        assert.equal(one.length, 1, "limit defaults to 1, as on Discord");
        await discordResult(c.discord("GET", "/guilds/60/members?limit=1001"), 400, 50035);
      },
    ],
    [
      "discord: undeliverable DMs and lost access",
      async () => {
        const dm = await discordResult(c.discord("POST", "/users/@me/channels", { recipient_id: "70" }), 200);
        await control(c, "POST", "/__undeliverable", { platform: "discord", userId: "70" });
        await discordResult(post(String(dm.id)), 403, 50007);
        await control(c, "POST", "/__undeliverable", { platform: "discord", userId: "71", error: "x" }, 400);
        await control(c, "POST", "/__lost", { platform: "discord", channelId: "72" });
        await control(c, "POST", "/__lost", {
          platform: "discord",
          channelId: "73",
          kind: "unknown_channel",
        });
        await control(c, "POST", "/__lost", { platform: "discord", guildId: "74" });
        await control(c, "POST", "/__lost", { platform: "discord", guildId: "75", kind: "unknown_guild" });
        await discordResult(post("72"), 403, 50001);
        await discordResult(c.discord("GET", "/channels/72/messages"), 403, 50001);
        await discordResult(post("73"), 404, 10003);
        await discordResult(c.discord("GET", "/guilds/74/members"), 403, 50001);
        await discordResult(c.discord("GET", "/guilds/75/members"), 404, 10004);
        await discordResult(post("76"), 200);
        // Access back (invited again): the channel answers as before.
        await control(c, "POST", "/__found", { platform: "discord", channelId: "72" });
        await discordResult(post("72"), 200);
      },
    ],
    [
      "discord: enforce_nonce holds for a few minutes only",
      async () => {
        // At a time scale of 10,000 the five-minute window is 30 ms.
        await control(c, "POST", "/__config", { timeScale: 10_000 });
        const once = { content: "once", nonce: "n-window", enforce_nonce: true };
        const a = await discordResult(c.discord("POST", "/channels/77/messages", once), 200);
        const b = await discordResult(c.discord("POST", "/channels/77/messages", once), 200);
        assert.equal(a.id, b.id, "a repeat within the window returns the first message");
        await new Promise((resolve) => setTimeout(resolve, 60));
        const later = await discordResult(c.discord("POST", "/channels/77/messages", once), 200);
        assert.notEqual(later.id, a.id, "after the window the same nonce posts again");
        await control(c, "POST", "/__config", { timeScale: 1 });
      },
    ],
    [
      "discord: global 429 storm, then slow and failing answers",
      async () => {
        await fault({ match: "/channels/80/", status: 429, count: 2, retryAfter: 0.5, global: true });
        for (let i = 0; i < 2; i++) {
          const r = await post("80");
          const body = (await r.json()) as Obj;
          assert.deepEqual([r.status, body.global, body.retry_after], [429, true, 0.5]);
          assert.deepEqual(
            [r.headers.get("x-ratelimit-global"), r.headers.get("x-ratelimit-scope")],
            ["true", "global"],
          );
        }
        await discordResult(post("80"), 200);
        await fault({ match: "/channels/81/", delayMs: 300 });
        const started = Date.now();
        await assert.rejects(fetchWithTimeout(c, "/channels/81/messages", 100), "the client times out first");
        assert.ok(Date.now() - started < 250);
        await fault({ match: "/channels/82/", delayMs: 150, status: 503 });
        const slow = Date.now();
        await discordResult(post("82"), 503);
        assert.ok(Date.now() - slow >= 140, "held before failing");
        const stats = (await control(c, "GET", "/__stats")).discord as Obj;
        assert.deepEqual(
          [stats.rateLimited, stats.rateLimitedBy, (stats.errorsBy as Obj)["503 0"]],
          [2, { global: 2 }, 1],
        );
      },
    ],
  ];
}

function fetchWithTimeout(c: Client, path: string, ms: number): Promise<Response> {
  return fetch(`${c.base}/discord/api/v10${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bot ${BOT_TOKEN}` },
    body: JSON.stringify({ content: "slow" }),
    signal: AbortSignal.timeout(ms),
  });
}
