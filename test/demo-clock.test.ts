import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_TIME_HEADER } from "../scripts/demo/constants.ts";
import demoWorker from "../scripts/demo/worker.ts";
import worker from "../src/index.ts";
import { resetDb } from "./support/db.ts";
import { commandBody, MEMBER, signedSlack, slashCommand } from "./support/slack.ts";
import { testEnv } from "./support/worker.ts";

const SIMULATED = "2031-05-04T03:00:00.000Z";

/** Runs a request through a Worker's own fetch, waiting for what it left running. */
async function send(target: { fetch: typeof worker.fetch }, request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await target.fetch(request, testEnv(), ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function joinedAt(): Promise<string | undefined> {
  const row = await env.DB.prepare("SELECT joined_at FROM members WHERE platform_user_id = ?")
    .bind(MEMBER)
    .first<{ joined_at: string }>();
  return row?.joined_at;
}

async function withDemoTime(request: Promise<Request>, at = SIMULATED): Promise<Request> {
  const signed = await request;
  const headers = new Headers(signed.headers);
  headers.set(DEMO_TIME_HEADER, at);
  return new Request(signed, { headers });
}

describe("the demo's clock", () => {
  beforeEach(() => resetDb());

  it("is not in the deployed Worker: src/index.ts ignores the header and keeps the system time", async () => {
    const before = Date.now();
    const response = await send(worker, await withDemoTime(slashCommand("join")));
    expect(response.status).toBe(200);
    const at = Date.parse((await joinedAt()) ?? "");
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("moves what a request does in the demo's own Worker", async () => {
    const response = await send(demoWorker, await withDemoTime(slashCommand("join")));
    expect(response.status).toBe(200);
    expect(await joinedAt()).toBe(SIMULATED);
  });

  it("leaves signatures on real time: a stale signature is refused even at a simulated moment", async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const request = signedSlack("/slack/commands", commandBody("join"), { timestamp: stale });
    // The simulated moment matches the stale signature: were signatures checked on the demo's
    // clock, this would pass.
    const response = await send(
      demoWorker,
      await withDemoTime(request, new Date(stale * 1000).toISOString()),
    );
    expect(response.status).toBe(401);
    expect(await joinedAt()).toBeUndefined();
  });

  it("refuses a malformed simulated time and changes nothing", async () => {
    const response = await send(demoWorker, await withDemoTime(slashCommand("join"), "next tuesday"));
    expect(response.status).toBe(400);
    expect(await joinedAt()).toBeUndefined();
  });
});
