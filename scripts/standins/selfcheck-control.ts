/** Control-route checks of the stand-in self-check (run by selfcheck.ts): faults, __sent, __reset. */
import assert from "node:assert/strict";
import type { Check, Client } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;

export function controlChecks(c: Client): Check[] {
  const fault = async (platform: string, match: string, status: number, extra: Obj = {}) => {
    const res = await c.control("POST", "/__faults", { platform, match, status, count: 1, ...extra });
    assert.equal(res.status, 200, await res.text());
  };
  const discordPost = (channel: string) =>
    c.discord("POST", `/channels/${channel}/messages`, { content: "x" });
  return [
    [
      "control: healthz and fault validation",
      async () => {
        assert.equal((await c.control("GET", "/healthz")).status, 200);
        assert.equal((await c.control("POST", "/__faults", { platform: "nope" })).status, 400);
      },
    ],
    [
      "control: faults fail the next matching calls, then clear",
      async () => {
        await fault("discord", "/messages", 500, { count: 2 });
        assert.deepEqual([(await discordPost("30")).status, (await discordPost("30")).status], [500, 500]);
        assert.equal((await discordPost("30")).status, 200);
        await fault("discord", "POST /users", 429, { retryAfter: 2 });
        const r = await c.discord("POST", "/users/@me/channels", { recipient_id: "1" });
        const body = (await r.json()) as Obj;
        assert.deepEqual(
          [r.status, r.headers.get("retry-after"), body.retry_after, body.global],
          [429, "2", 2, false],
        );
        await fault("discord", "/channels/31", 403, { body: { message: "Missing Access", code: 50001 } });
        assert.equal(((await (await discordPost("31")).json()) as Obj).code, 50001);
        await fault("slack", "chat.postMessage", 429);
        const s = await c.slack("chat.postMessage", { channel: "C1", text: "x" });
        assert.deepEqual(
          [s.status, s.headers.get("retry-after"), await s.json()],
          [429, "1", { ok: false, error: "ratelimited" }],
        );
        await fault("slack", "users.info", 503, { body: "<html>Cloudflare 1015</html>" });
        const html = await c.slack("users.info", { user: "U0MEMBER" });
        assert.deepEqual([html.status, await html.text()], [503, "<html>Cloudflare 1015</html>"]);
        await fault("slack", "response_url", 500);
        const hook = await fetch(`${c.base}/slack/response/x`, { method: "POST", body: '{"text":"x"}' });
        assert.equal(hook.status, 500);
        assert.deepEqual(await (await c.control("GET", "/__faults")).json(), []);
      },
    ],
    [
      "control: __sent filters, __reset clears",
      async () => {
        await discordPost("40");
        await c.slack("auth.test");
        const discord = (await (await c.control("GET", "/__sent?platform=discord")).json()) as Obj[];
        assert.deepEqual(
          discord.map((call) => [call.method, call.route]),
          [["POST", "/channels/40/messages"]],
        );
        assert.equal(typeof ((discord[0] as Obj).response as Obj).id, "string");
        const slack = (await (
          await c.control("GET", "/__sent?platform=slack&method=auth.test")
        ).json()) as Obj[];
        assert.equal(slack.length, 1);
        await c.control("POST", "/__reset");
        assert.deepEqual(await (await c.control("GET", "/__sent")).json(), []);
      },
    ],
  ];
}
