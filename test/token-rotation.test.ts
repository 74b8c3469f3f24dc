import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { slackTokens } from "../src/adapters/slack/tokens.ts";
import { createDb } from "../src/db/client.ts";
import { resetDb } from "./support/db.ts";
import { install, OAUTH_ENV } from "./support/install.ts";
import { standinsBase } from "./support/standins-url.ts";
import { resetStandins, sentTo, testEnv } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  await fetch(`${standinsBase()}/__config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slackTokenRotation: true }),
  });
});

const tokensAt = (at: Date) =>
  slackTokens({
    db: createDb(env.DB),
    secrets: { ...testEnv(), ...OAUTH_ENV },
    apiUrl: testEnv().SLACK_API_URL ?? "",
    now: () => at,
  });
const refreshes = async () => (await sentTo("slack")).filter((c) => c.method === "oauth.v2.access").length;
/** Every refresh Slack was asked for, refused ones too (a used refresh token is refused). */
const refused = async () => {
  const stats = (await (await fetch(`${standinsBase()}/__stats`)).json()) as {
    slack: { errorsBy: Record<string, number> };
  };
  return stats.slack.errorsBy.invalid_refresh_token ?? 0;
};

describe("Slack token rotation", () => {
  it("refreshes ahead of expiry, and two refreshers at once make one refresh", async () => {
    await install("T0ROT");
    const row = await env.DB.prepare("SELECT token_expires_at, refresh_token FROM installations").first<{
      token_expires_at: string;
      refresh_token: string;
    }>();
    expect(row?.refresh_token).toMatch(/^v1:/);
    const installed = await refreshes();
    const expires = Date.parse(String(row?.token_expires_at));
    const first = await tokensAt(new Date(expires - 60 * 60_000))("T0ROT");
    expect(await refreshes()).toBe(installed);

    // Slack answers the refresh slowly: the second refresher arrives while the first waits for it.
    await fetch(`${standinsBase()}/__faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ platform: "slack", match: "oauth.v2.access", delayMs: 400, count: 1 }),
    });
    const near = new Date(expires - 10 * 60_000);
    const slow = tokensAt(near)("T0ROT");
    await new Promise((resolve) => setTimeout(resolve, 150));
    const [a, b] = await Promise.all([slow, tokensAt(near)("T0ROT")]);
    expect(await refreshes()).toBe(installed + 1);
    expect(await refused()).toBe(0);
    expect([a, b]).toContain(first);
    const fresh = await tokensAt(near)("T0ROT");
    expect(fresh).not.toBe(first);
    expect(fresh).toMatch(/^xoxe\.xoxb-1-T0ROT-/);
    const version = await env.DB.prepare("SELECT token_version, refreshing_until FROM installations").first();
    expect(version).toEqual({ token_version: 2, refreshing_until: null });
  });
});
