import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSlackApp, type SlackApp } from "../src/adapters/slack/bolt-app.ts";
import { slashCommandPayload } from "../src/adapters/slack/payloads.ts";
import type { SlackRequestContext } from "../src/adapters/slack/request-context.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { createDeliveryQueue } from "../src/delivery/queue.ts";
import { freshDb, resetDb } from "./support/db.ts";
import { commandBody, MEMBER, MODERATOR, TEAM } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

const AT = new Date("2026-12-02T09:00:00Z");
type Path = "bolt" | "direct";

/** One Slack app (as one isolate builds it) answering through Bolt's dispatch or the direct path. */
function slackApp(tokens: Record<string, string | null | Error> = { [TEAM]: "xoxb-test-token" }): SlackApp {
  return createSlackApp({
    tokenFor: async (workspaceId) => {
      const token = tokens[workspaceId] ?? null;
      if (token instanceof Error) throw token;
      return token;
    },
    revoke: async () => {},
    apiUrl: `${standinsBase()}/slack/api/`,
  });
}

/** Runs the commands one after another on a fresh D1 and stand-ins; what Slack and its APIs saw. */
async function run(path: Path, bodies: string[], options: { deadlineMs?: number; app?: SlackApp } = {}) {
  await freshDb(); // ids from 1 again: both paths' forms name the same community id
  await resetStandins();
  outboxQueue.take();
  const app = options.app ?? slackApp();
  const guyub: SlackRequestContext = {
    core: {
      store: createCommunityStore(createDb(env.DB), env.DB),
      now: () => AT,
      queue: createDeliveryQueue(outboxQueue.asQueue()),
    },
    replyDeadlineMs: options.deadlineMs ?? 2000,
  };
  const answers = [];
  for (const body of bodies) {
    const command = slashCommandPayload.parse(Object.fromEntries(new URLSearchParams(body)));
    const pending: Promise<unknown>[] = [];
    const dispatch = {
      customProperties: { guyub },
      waitUntil: (p: Promise<unknown>) => void pending.push(p),
    };
    const response =
      path === "bolt" ? await app.receiver.dispatch(command, dispatch) : await app.command(command, dispatch);
    await Promise.all(pending);
    answers.push({
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
    });
  }
  // What guyub asked of Slack (users.info, views.open, response_url posts), in order.
  const calls = (await sentTo("slack")).map(({ method, route, body }) => ({ method, route, body }));
  const rows = await env.DB.prepare("SELECT platform, workspace_id, locale FROM communities").all();
  return { answers, calls, rows: rows.results, outbox: outboxQueue.take().length };
}

async function bothPaths(bodies: string[], options: { deadlineMs?: number } = {}) {
  const bolt = await run("bolt", bodies, options);
  const direct = await run("direct", bodies, options);
  return { bolt, direct };
}

const as = (user: string, text: string) => commandBody(text, { user_id: user });

describe("a slash command answered without Bolt's dispatch: the same as through Bolt", () => {
  it("help, errors, a moderator's write and a refused member, byte for byte with the same API calls", async () => {
    const { bolt, direct } = await bothPaths([
      as(MEMBER, "help"),
      as(MEMBER, "help"),
      as(MEMBER, "no-such-word"),
      as(MEMBER, "x".repeat(4001)),
      as(MODERATOR, "help"),
      as(MEMBER, "language id"),
      as(MODERATOR, "language id"),
      as(MEMBER, "help"),
      commandBody("help", { user_id: MEMBER, command: "/copmod" }),
    ]);
    expect(direct).toEqual(bolt);
    expect(bolt.answers[0]?.text).toContain("guyub: what you can do");
    expect(bolt.answers[7]?.text).toContain("yang dapat Anda lakukan");
    // The moderator question went to Slack (users.info) on both paths, with the workspace's token.
    expect(bolt.calls.some((c) => c.method === "users.info")).toBe(true);
  });

  it("a form opens as a modal on the trigger_id, with an empty ack", async () => {
    const { bolt, direct } = await bothPaths([as(MODERATOR, "help"), as(MODERATOR, "setup")]);
    expect(direct).toEqual(bolt);
    expect(bolt.answers[1]).toEqual({ status: 200, type: null, text: "" });
    expect(bolt.calls.filter((c) => c.method === "views.open")).toHaveLength(1);
  });

  it("a slow answer: an empty ack, then the answer through response_url", async () => {
    const { bolt, direct } = await bothPaths([as(MEMBER, "help")], { deadlineMs: 0 });
    expect(direct).toEqual(bolt);
    expect(bolt.answers[0]).toEqual({ status: 200, type: null, text: "" });
    const [posted] = bolt.calls.filter((c) => c.method === "response_url");
    expect(JSON.stringify(posted?.body)).toContain("guyub: what you can do");
  });

  it("a workspace guyub is not installed in, and a token look-up that fails", async () => {
    for (const token of [null, new Error("D1 is down")]) {
      const app = () => slackApp({ [TEAM]: token });
      const bolt = await run("bolt", [as(MODERATOR, "help")], { app: app() });
      const direct = await run("direct", [as(MODERATOR, "help")], { app: app() });
      expect(direct).toEqual(bolt);
    }
  });
});
