import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { withHotRoutes } from "../src/adapters/hot-routes.ts";
import { jsonResponse } from "../src/adapters/shared-render.ts";
import { signSlackRequest } from "../src/adapters/slack/verify.ts";
import { MAX_BODY_BYTES } from "../src/app.ts";
import type { AppEnv } from "../src/env.ts";
import { freshDb, rowCounts } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  DISCORD_MODERATOR,
  MANAGE_GUILD,
  moderatorInteraction,
  signDiscord,
  sub,
} from "./support/discord.ts";
import { commandBody, MEMBER, MODERATOR } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const AT = new Date("2026-12-02T09:00:00Z");
const SECONDS = Math.floor(AT.getTime() / 1000);

beforeEach(async () => {
  await resetStandins();
  outboxQueue.take();
});

/** A request as the platforms send it: with its `content-length` (the hot path's precondition). */
function post(path: string, headers: Record<string, string>, body: string): Request {
  const length = String(new TextEncoder().encode(body).length);
  return new Request(`https://guyub.test${path}`, {
    method: "POST",
    headers: { "content-length": length, ...headers },
    body,
  });
}

let seq = 0;
/** A slash command with fixed ids (both paths must see the very same bytes). */
function slackBody(user: string, text: string, fields: Record<string, string> = {}): string {
  seq += 1;
  return commandBody(text, {
    user_id: user,
    trigger_id: `1000.${seq}.fixed`,
    response_url: `${standinsBase()}/slack/response/fixed-${seq}`,
    ...fields,
  });
}

async function slack(body: string, o: { timestamp?: number; signature?: string; length?: string } = {}) {
  const timestamp = String(o.timestamp ?? SECONDS);
  const signature =
    o.signature ?? (await signSlackRequest(env.SLACK_SIGNING_SECRET as string, timestamp, body));
  const request = post(
    "/slack/commands",
    {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
      ...(o.length ? { "content-length": o.length } : {}),
    },
    body,
  );
  return request;
}

async function discord(payload: unknown, o: { timestamp?: number; signature?: string; raw?: string } = {}) {
  const body = o.raw ?? JSON.stringify(payload);
  const timestamp = String(o.timestamp ?? SECONDS);
  const signature = o.signature ?? (await signDiscord(timestamp, body));
  return post(
    "/discord/interactions",
    {
      "content-type": "application/json",
      "x-signature-timestamp": timestamp,
      "x-signature-ed25519": signature,
    },
    body,
  );
}

/** Every request, in order, through one isolate on a fresh D1: what came back and what changed. */
async function run(
  hotRoutes: boolean,
  requests: (() => Promise<Request>)[],
  overrides: Partial<AppEnv> = {},
) {
  await freshDb();
  await resetStandins();
  outboxQueue.take();
  const send = isolate({ now: () => AT, hotRoutes, env: overrides });
  const answers = [];
  for (const build of requests) {
    const response = await send(await build());
    answers.push({ status: response.status, headers: [...response.headers], body: await response.text() });
  }
  const calls = (await sentTo("slack")).map(({ method, route, body }) => ({ method, route, body }));
  return { answers, calls, rows: await rowCounts(), outbox: outboxQueue.take().length };
}

async function bothPaths(requests: (() => Promise<Request>)[], overrides: Partial<AppEnv> = {}) {
  return { hono: await run(false, requests, overrides), hot: await run(true, requests, overrides) };
}

describe("the command routes answered before Hono's router: the same answers, byte for byte", () => {
  it("Slack: help, ssl_check, bad input and refusals", async () => {
    const help = slackBody(MEMBER, "help");
    const tooBig = `${help}&pad=${"x".repeat(MAX_BODY_BYTES)}`;
    const { hono, hot } = await bothPaths([
      () => slack(help),
      () => slack(help),
      () => slack(slackBody(MODERATOR, "help")),
      async () =>
        post("/slack/commands", { "content-type": "application/x-www-form-urlencoded" }, "ssl_check=1"),
      () => slack(help, { signature: `v0=${"0".repeat(64)}` }),
      () => slack(help, { timestamp: SECONDS - 301 }),
      () => slack(help, { timestamp: SECONDS + 301 }),
      async () => post("/slack/commands", {}, help),
      () => slack(tooBig),
      () => slack(help, { length: String(MAX_BODY_BYTES + 1) }),
      () => slack("team_id=T0&text=help"),
      () => slack(slackBody(MEMBER, "no-such-word")),
      () => slack(slackBody(MEMBER, "x".repeat(4001))),
      () => slack(slackBody(MEMBER, "help", { command: "/copmod" })),
      () => slack(slackBody(MEMBER, "moderators add <@U0OTHER>", { command: "/copmod" })),
    ]);
    expect(hot).toEqual(hono);
    const statuses = hot.answers.map((a) => a.status);
    expect(statuses).toEqual([200, 200, 200, 200, 401, 401, 401, 401, 413, 413, 400, 200, 200, 200, 200]);
    expect(hot.answers[0]?.body).toContain("guyub: what you can do");
    expect(hot.answers[4]?.headers).toEqual([["content-type", "application/json"]]);
  });

  it("Slack, not configured: the same 503", async () => {
    const { hono, hot } = await bothPaths([() => slack(slackBody(MEMBER, "help"))], {
      SLACK_SIGNING_SECRET: "",
    });
    expect(hot).toEqual(hono);
    expect(hot.answers[0]?.status).toBe(503);
  });

  it("Discord: ping, help, bad input and refusals", async () => {
    const fixed = (payload: object, id: string) => ({ ...payload, id });
    const help = fixed(commandInteraction([sub("help")]), "400000000000000001");
    const { hono, hot } = await bothPaths([
      () => discord({ type: 1, id: "1", application_id: env.DISCORD_APPLICATION_ID, token: "t" }),
      () => discord(help),
      () => discord(help),
      () =>
        discord(
          fixed(
            commandInteraction([sub("help")], { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD }),
            "400000000000000002",
          ),
        ),
      () => discord(help, { signature: "0".repeat(128) }),
      () => discord(help, { timestamp: SECONDS - 301 }),
      async () => post("/discord/interactions", { "content-type": "application/json" }, JSON.stringify(help)),
      () => discord(undefined, { raw: "{not json" }),
      () => discord({ type: 2 }),
      () => discord(undefined, { raw: JSON.stringify({ ...help, pad: "x".repeat(MAX_BODY_BYTES) }) }),
      () => discord(fixed(commandInteraction([sub("no-such-word")]), "400000000000000003")),
      () =>
        discord(fixed(moderatorInteraction([sub("help")], { user: DISCORD_MEMBER }), "400000000000000004")),
      () => discord(fixed(commandInteraction([sub("help")], { guildId: null }), "400000000000000005")),
      () => discord(fixed({ ...help, type: 4 }, "400000000000000006")),
    ]);
    expect(hot).toEqual(hono);
    const statuses = hot.answers.map((a) => a.status);
    expect(statuses).toEqual([200, 200, 200, 200, 401, 401, 401, 400, 400, 413, 200, 200, 200, 200]);
    expect(hot.answers[1]?.headers).toEqual([["content-type", "application/json"]]);
  });
});

describe("which requests the hot path takes", () => {
  const ctx = {
    waitUntil: () => {},
    passThroughOnException: () => {},
    props: {},
  } as unknown as ExecutionContext;
  const envOf = {} as AppEnv;
  const fetchWith = (handler: () => Promise<Response>) => {
    const taken: string[] = [];
    const fetch = withHotRoutes(
      async () => {
        taken.push("hono");
        return new Response("hono");
      },
      new Map([
        [
          "/slack/commands",
          async () => {
            taken.push("hot");
            return handler();
          },
        ],
      ]),
      (error) =>
        new Response(`error: ${error instanceof Error ? error.message : String(error)}`, { status: 599 }),
    );
    return { fetch, taken };
  };
  const request = (url: string, init: RequestInit & { length?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.length !== null) headers.set("content-length", init.length ?? "4");
    return new Request(url, { method: "POST", body: "text", ...init, headers });
  };

  it("takes exactly the command routes with a declared length, and leaves the rest to Hono", async () => {
    const { fetch, taken } = fetchWith(async () => new Response("hot"));
    const cases: [Request, ExecutionContext | undefined, string][] = [
      [request("https://g.test/slack/commands"), ctx, "hot"],
      [request("https://g.test/slack/commands?x=1"), ctx, "hot"],
      [request("https://g.test/slack/commands#x"), ctx, "hot"],
      [request("https://g.test/slack/commands/"), ctx, "hono"],
      [request("https://g.test/slack/command%73"), ctx, "hono"],
      [request("https://g.test/slack/events"), ctx, "hono"],
      [new Request("https://g.test/slack/commands"), ctx, "hono"],
      [request("https://g.test/slack/commands", { method: "PUT" }), ctx, "hono"],
      [request("https://g.test/slack/commands", { length: null }), ctx, "hono"],
      [
        request("https://g.test/slack/commands", { headers: { "transfer-encoding": "chunked" } }),
        ctx,
        "hono",
      ],
      [request("https://g.test/slack/commands"), undefined, "hono"],
    ];
    for (const [req, c, expected] of cases) {
      taken.length = 0;
      await fetch(req, envOf, c);
      expect(taken, `${req.method} ${req.url} ${[...req.headers]}`).toEqual([expected]);
    }
  });

  it("refuses a declared length over the limit before reading, and maps a handler's errors", async () => {
    const { fetch, taken } = fetchWith(async () => new Response("hot"));
    const big = await fetch(
      request("https://g.test/slack/commands", { length: String(MAX_BODY_BYTES + 1) }),
      envOf,
      ctx,
    );
    expect(big.status).toBe(599);
    expect(await big.text()).toContain(`limited to ${MAX_BODY_BYTES} bytes`);
    expect(taken).toEqual([]);
    const atLimit = await fetch(
      request("https://g.test/slack/commands", { length: String(MAX_BODY_BYTES) }),
      envOf,
      ctx,
    );
    expect(await atLimit.text()).toBe("hot");

    const rejects = fetchWith(() => Promise.reject(new Error("boom")));
    expect(await (await rejects.fetch(request("https://g.test/slack/commands"), envOf, ctx)).text()).toBe(
      "error: boom",
    );
    const throws = fetchWith(() => {
      throw new Error("sync boom");
    });
    expect(await (await throws.fetch(request("https://g.test/slack/commands"), envOf, ctx)).text()).toBe(
      "error: sync boom",
    );
  });
});

describe("a JSON answer whose bytes are kept", () => {
  it("is Hono's c.json answer, every time, whatever a reader did to an earlier one", async () => {
    const plain = { type: 4, data: { content: "halo 🙏", flags: 64 } };
    const frozen = Object.freeze({ ...plain, data: Object.freeze({ ...plain.data }) });
    const expected = {
      status: 200,
      headers: [["content-type", "application/json"]],
      body: JSON.stringify(plain),
    };
    for (const value of [plain, frozen, frozen, frozen]) {
      const response = jsonResponse(value);
      expect({
        status: response.status,
        headers: [...response.headers],
        body: await response.text(),
      }).toEqual(expected);
      response.headers.set("x-changed", "1");
    }
  });
});
