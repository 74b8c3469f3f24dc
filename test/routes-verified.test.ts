import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { signSlackRequest } from "../src/adapters/slack/verify.ts";
import { createApp } from "../src/app.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import { commandInteraction, signDiscord, str, sub } from "./support/discord.ts";
import { packedButton } from "./support/interactions.ts";
import { commandBody } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { outboxQueue, resetStandins, send, sentTo } from "./support/worker.ts";

// Every POST route must refuse a request that is unsigned, forged, stale or from the future,
// with 401 and before anything is parsed, written or sent. The table is checked against the
// app's own routes: a POST route added without a row here fails the first test.

const NOW = new Date("2027-02-24T03:00:00Z");
const nowSeconds = NOW.getTime() / 1000;

type Signer = (body: string, timestamp: number) => Promise<Record<string, string>>;

const slackSigned: Signer = async (body, timestamp) => ({
  "x-slack-request-timestamp": String(timestamp),
  "x-slack-signature": await signSlackRequest(env.SLACK_SIGNING_SECRET as string, String(timestamp), body),
});
const discordSigned: Signer = async (body, timestamp) => ({
  "x-signature-timestamp": String(timestamp),
  "x-signature-ed25519": await signDiscord(String(timestamp), body),
});

interface Route {
  /** A body the route would act on if it were signed (each would write or answer). */
  readonly body: () => string;
  readonly contentType: string;
  readonly sign: Signer;
  /** The status of the signed request (default 200). */
  readonly accepted?: number;
}

const form = "application/x-www-form-urlencoded";
/**
 * POST routes a browser calls, not a platform: nothing signs them, and what authenticates each
 * is named here with the test that proves it refuses without it.
 */
const BROWSER_ROUTES: Record<string, string> = {
  "/dashboard/session": "the one-time link's token in the form (test/dashboard-link.test.ts)",
};
/**
 * POST routes a platform authenticates with a shared secret header and no signature over the body
 * or a timestamp (Telegram's `X-Telegram-Bot-Api-Secret-Token`): nothing here can be forged,
 * stale or signed for another body, so the missing and wrong secrets are tested where named.
 */
const SECRET_HEADER_ROUTES: Record<string, string> = {
  "/telegram/webhook":
    "X-Telegram-Bot-Api-Secret-Token, compared in constant time (test/telegram-ingress.test.ts)",
};
const SIGNED_ROUTES: Record<string, Route> = {
  "/slack/commands": { body: () => commandBody("help"), contentType: form, sign: slackSigned },
  "/slack/interactions": {
    body: () =>
      new URLSearchParams({
        payload: JSON.stringify({
          type: "block_actions",
          team: { id: "T0GUYUB01" },
          user: { id: "U0MEMBER", username: "ayu", team_id: "T0GUYUB01" },
          trigger_id: "1700000000.1.routes",
          container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0GENERAL" },
          channel: { id: "C0GENERAL", name: "general" },
          response_url: `${standinsBase()}/slack/response/routes`,
          actions: [{ action_id: packedButton(1, "topic.vote", ["1", "list"]), type: "button" }],
        }),
      }).toString(),
    contentType: form,
    sign: slackSigned,
  },
  "/slack/events": {
    body: () =>
      JSON.stringify({
        type: "event_callback",
        team_id: "T0GUYUB01",
        api_app_id: "A0GUYUB",
        event_id: "Ev0ROUTES",
        event: { type: "team_join", user: { id: "U0NEWCOMER", name: "rani" } },
      }),
    contentType: "application/json",
    sign: slackSigned,
  },
  "/discord/interactions": {
    body: () => JSON.stringify(commandInteraction([sub("language", [str("language", "id")])])),
    contentType: "application/json",
    sign: discordSigned,
  },
  "/discord/events": {
    body: () =>
      JSON.stringify({
        version: 1,
        application_id: env.DISCORD_APPLICATION_ID,
        type: 1,
        event: {
          type: "APPLICATION_AUTHORIZED",
          timestamp: NOW.toISOString(),
          data: {
            integration_type: 0,
            scopes: ["bot", "applications.commands"],
            user: { id: "300000000000000002", username: "rani" },
            guild: { id: "200000000000000077", name: "Guru Belajar", preferred_locale: "id" },
          },
        },
      }),
    contentType: "application/json",
    sign: discordSigned,
    accepted: 204,
  },
};

/** How each bad request is made from a route's body and signer. */
const BAD: Record<string, (route: Route, body: string) => Promise<Record<string, string>>> = {
  unsigned: async () => ({}),
  "signed without a timestamp": async (route, body) => {
    const {
      "x-slack-request-timestamp": _s,
      "x-signature-timestamp": _d,
      ...rest
    } = await route.sign(body, nowSeconds);
    return rest;
  },
  forged: async (route, body) => {
    const headers = await route.sign(body, nowSeconds);
    const flip = (value: string) => value.slice(0, -1) + (value.endsWith("0") ? "1" : "0");
    return Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        /signature|ed25519/.test(name) ? flip(value) : value,
      ]),
    );
  },
  "signed for another body": (route) => route.sign(`${route.body()} `, nowSeconds),
  "stale (301 s old)": (route, body) => route.sign(body, nowSeconds - 301),
  "from the future (301 s ahead)": (route, body) => route.sign(body, nowSeconds + 301),
};

const request = (path: string, route: Route, body: string, headers: Record<string, string>) =>
  new Request(`https://guyub.test${path}`, {
    method: "POST",
    headers: { "content-type": route.contentType, ...headers },
    body,
  });

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("every POST route is verified", () => {
  it("the table names exactly the app's POST routes", () => {
    // Everything that can take a POST: POST routes and `all` routes (the body limit's `/*` aside).
    const posts = createApp()
      .routes.filter((route) => route.method === "POST" || (route.method === "ALL" && route.path !== "/*"))
      .map((route) => route.path);
    expect([...new Set(posts)].sort()).toEqual(
      [
        ...Object.keys(SIGNED_ROUTES),
        ...Object.keys(BROWSER_ROUTES),
        ...Object.keys(SECRET_HEADER_ROUTES),
      ].sort(),
    );
  });

  it("answers Slack's unsigned ssl_check on the command and interactivity URLs, and does nothing else", async () => {
    for (const path of ["/slack/commands", "/slack/interactions"]) {
      const response = await send(
        new Request(`https://guyub.test${path}`, {
          method: "POST",
          headers: { "content-type": form },
          body: "ssl_check=1&token=legacy",
        }),
        { now: () => NOW },
      );
      expect(response.status).toBe(200);
    }
    expect(await rowCounts()).toEqual(NO_ROWS);
    expect(outboxQueue.take()).toEqual([]);
  });

  for (const [path, route] of Object.entries(SIGNED_ROUTES)) {
    it(`${path}: the table's request is accepted when properly signed`, async () => {
      const body = route.body();
      const response = await send(request(path, route, body, await route.sign(body, nowSeconds)), {
        now: () => NOW,
      });
      expect(response.status).toBe(route.accepted ?? 200);
    });

    for (const [name, make] of Object.entries(BAD)) {
      it(`${path}: refuses a request ${name} with 401, writing and queueing nothing`, async () => {
        const body = route.body();
        const response = await send(request(path, route, body, await make(route, body)), { now: () => NOW });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({
          error: expect.stringMatching(/^(bad_signature|stale_request)$/),
        });
        expect(await rowCounts()).toEqual(NO_ROWS);
        expect(outboxQueue.take()).toEqual([]);
        expect([...(await sentTo("slack")), ...(await sentTo("discord"))]).toEqual([]);
      });
    }
  }
});
