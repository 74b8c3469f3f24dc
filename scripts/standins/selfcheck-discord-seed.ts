/**
 * Discord checks for what the demo relies on (run by selfcheck.ts): guild members named by the
 * config, and seeded channel history dated at a given moment (a simulated clock's).
 */
import assert from "node:assert/strict";
import { type Check, type Client, control, discordResult } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;
const DISCORD_EPOCH = 1_420_070_400_000n;

export function discordSeedChecks(c: Client): Check[] {
  return [
    [
      "discord: guild members named by discordMemberNames, without nicknames",
      async () => {
        const names = ["budi", "citra", "ayu", "dimas"];
        await control(c, "POST", "/__config", { discordMemberCount: 4, discordMemberNames: names });
        const page = await discordResult(c.discord("GET", "/guilds/60/members?limit=100"), 200);
        const users = page.map((m) => m.user as Obj);
        assert.deepEqual(
          users.map((u) => u.username),
          ["guyub", "budi", "citra", "ayu"],
        );
        assert.deepEqual(
          users.map((u) => u.id),
          ["100000000000000001", "200000000000000001", "200000000000000002", "200000000000000003"],
        );
        assert.equal(users[3]?.global_name, "Ayu");
        assert.ok(
          page.every((m) => m.nick === null),
          "given names are shown as they are",
        );
        await control(c, "POST", "/__config", { discordMemberNames: ["Not A Name"] }, 400);
      },
    ],
    [
      "discord: seeded history dated by `at`, read in that order",
      async () => {
        const at = Date.parse("2027-03-01T05:30:00.000Z");
        const seeded = await control(c, "POST", "/__discord/messages", {
          channelId: "80",
          messages: [{ authorId: "81", at }, { authorId: "82", at: at + 60_000 }, { authorId: "83" }],
        });
        const [first, second, now] = (seeded.ids as string[]).map(BigInt) as [bigint, bigint, bigint];
        assert.equal(Number((first >> 22n) + DISCORD_EPOCH), at, "the snowflake carries `at`");
        assert.equal(Number((second >> 22n) + DISCORD_EPOCH), at + 60_000);
        assert.ok(now < first, "without `at`, now (before 2027)");
        const after = await discordResult(c.discord("GET", `/channels/80/messages?after=${now}`), 200);
        assert.deepEqual(
          after.map((m) => [(m.author as Obj).id, m.timestamp]),
          [
            ["82", new Date(at + 60_000).toISOString()],
            ["81", new Date(at).toISOString()],
          ],
        );
        for (const bad of [-1, 1.5, "2027-03-01"])
          await control(
            c,
            "POST",
            "/__discord/messages",
            { channelId: "80", messages: [{ authorId: "81", at: bad }] },
            400,
          );
      },
    ],
  ];
}
