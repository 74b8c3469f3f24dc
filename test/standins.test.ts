import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  configureStandins,
  injectFault,
  markLost,
  markUndeliverable,
  standinLimits,
  standinStats,
} from "./support/standins.ts";
import { standinsBase } from "./support/standins-url.ts";

/*
 * The stand-ins' control helpers, driven from inside workerd as the delivery tests will drive them.
 * The stand-in process is shared with test files running in parallel, whose resets can land
 * between a helper call and the request it prepares: each test uses ids nobody else uses and is
 * retried, and no test here changes the time scale or a limit another file relies on. The
 * behaviour in depth is checked by `npm run standins:check`.
 */

const base = () => standinsBase();
const slack = (
  method: string,
  args: Record<string, string>,
  token = env.SLACK_BOT_TOKEN,
  init: RequestInit = {},
) =>
  fetch(`${base()}/slack/api/${method}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(args),
    ...init,
  });
const discord = (method: string, path: string, body?: unknown) =>
  fetch(`${base()}/discord/api/v10${path}`, {
    method,
    headers: { authorization: `Bot ${env.DISCORD_BOT_TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("stand-in control helpers", { retry: 2 }, () => {
  it("read the limit table and change the seeded directory", async () => {
    const limits = await standinLimits();
    const workspace = limits.slack["chat.postMessage:workspace"];
    expect(workspace).toMatchObject({ limit: 30, windowMs: 1_000 / limits.timeScale, per: "token" });
    expect(limits.discord.global).toMatchObject({ limit: 50 });

    const set = await configureStandins({ slackUserCount: 120 });
    expect(set.config.slackUserCount).toBe(120);
    const first = (await (await slack("users.list", {})).json()) as {
      members: unknown[];
      response_metadata: { next_cursor: string };
    };
    expect(first.members).toHaveLength(100);
    const cursor = first.response_metadata.next_cursor;
    const second = (await (await slack("users.list", { cursor })).json()) as { members: unknown[] };
    expect(second.members).toHaveLength(20);
  });

  it("storm a Discord channel with global 429s, then let it through", async () => {
    const channel = "990000000000000001";
    await injectFault({
      platform: "discord",
      match: `/channels/${channel}/`,
      status: 429,
      count: 2,
      global: true,
    });
    for (let i = 0; i < 2; i++) {
      const limited = await discord("POST", `/channels/${channel}/messages`, { content: "storm" });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("x-ratelimit-scope")).toBe("global");
      expect(await limited.json()).toMatchObject({ global: true, retry_after: 1 });
    }
    expect((await discord("POST", `/channels/${channel}/messages`, { content: "calm" })).status).toBe(200);
    expect((await standinStats()).discord.rateLimitedBy.global).toBeGreaterThanOrEqual(2);
  });

  it("hold a Slack answer past the caller's timeout", async () => {
    await injectFault({ platform: "slack", match: "chat.postMessage C0VITESTSLOW", delayMs: 500 });
    const call = slack("chat.postMessage", { channel: "C0VITESTSLOW", text: "x" }, env.SLACK_BOT_TOKEN, {
      signal: AbortSignal.timeout(50),
    });
    await expect(call).rejects.toThrow();
  });

  it("refuse DMs to undeliverable users and calls the bot lost access for", async () => {
    await markUndeliverable("slack", "U0VITESTGONE", "user_disabled");
    const open = await slack("conversations.open", { users: "U0VITESTGONE" });
    expect(await open.json()).toEqual({ ok: false, error: "user_disabled" });

    const channel = "990000000000000002";
    await markLost({ platform: "discord", channelId: channel });
    const denied = await discord("POST", `/channels/${channel}/messages`, { content: "x" });
    expect([denied.status, ((await denied.json()) as { code: number }).code]).toEqual([403, 50001]);

    await markLost({ platform: "slack", token: "xoxb-vitest-revoked" });
    const revoked = await slack("auth.test", {}, "xoxb-vitest-revoked");
    expect(await revoked.json()).toEqual({ ok: false, error: "token_revoked" });
  });

  it("reject malformed control input with a message", async () => {
    await expect(configureStandins({ timeScale: -1 })).rejects.toThrow(/400/);
    await expect(markLost({ platform: "discord", guildId: "1", kind: "nope" } as never)).rejects.toThrow(
      /kind/,
    );
  });
});
