import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type AppOptions, createApp } from "../../src/app.ts";
import type { AppEnv } from "../../src/env.ts";
import { RecordingQueue } from "./queue.ts";
import { standinsBase } from "./standins-url.ts";

/**
 * What the app under test sent to the OUTBOX queue. Tests never hand messages to the real local
 * queue: its consumer would deliver in the background while a test counts.
 */
export const outboxQueue = new RecordingQueue();

/** The test env: real D1, real bindings, platform APIs pointed at the stand-ins. */
export function testEnv(overrides: Partial<AppEnv> = {}): AppEnv {
  const standins = standinsBase();
  return {
    ...env,
    OUTBOX: outboxQueue.asQueue(),
    JOBS: new RecordingQueue().asQueue(),
    SLACK_API_URL: `${standins}/slack/api/`,
    DISCORD_API_URL: `${standins}/discord/api/v10`,
    ...overrides,
  };
}

/**
 * One long-lived app, like one isolate: its caches survive between requests. Returns a sender.
 */
export function isolate(
  options: AppOptions & { env?: Partial<AppEnv> } = {},
): (request: Request) => Promise<Response> {
  const app = createApp(options);
  return async (request) => {
    const ctx = createExecutionContext();
    const response = await app.fetch(request, testEnv(options.env), ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/**
 * Sends a request through the whole app (routes, verification, core, D1) with an optional
 * pinned clock, and waits for everything it left in waitUntil.
 */
export async function send(
  request: Request,
  options: AppOptions & { env?: Partial<AppEnv> } = {},
): Promise<Response> {
  return isolate(options)(request);
}

/** Resets the stand-ins' records and rate-limit windows. */
export async function resetStandins(): Promise<void> {
  await fetch(`${standinsBase()}/__reset`, { method: "POST" });
}

/** What the stand-ins recorded for a platform. */
export async function sentTo(platform: "slack" | "discord"): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${standinsBase()}/__sent?platform=${platform}`);
  return (await response.json()) as Array<Record<string, unknown>>;
}
