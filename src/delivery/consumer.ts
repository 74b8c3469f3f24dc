import { createDiscordSender } from "../adapters/discord/sender.ts";
import { createSlackSender } from "../adapters/slack/sender.ts";
import { type SlackTokenFor, slackTokens } from "../adapters/slack/tokens.ts";
import { DEFAULT_DISCORD_API_URL, DEFAULT_SLACK_API_URL } from "../api-defaults.ts";
import type { SendPort } from "../core/delivery.ts";
import { createDb } from "../db/client.ts";
import type { AppEnv } from "../env.ts";
import { type DeliveryDeps, type DeliveryMessage, deliverBatch } from "./engine.ts";
import { createDeliveryQueue } from "./queue.ts";

/** Queue retries before a message lands in `guyub-dead` (wrangler.toml `max_retries`) plus the first try. */
export const MAX_ATTEMPTS = 6;
/** How long one invocation waits for a pacing slot before deferring to the queue. */
export const HOLD_MS = 3_000;

export interface DeliveryOptions {
  /** Divides every pacing interval: tests run the stand-ins faster than real time. */
  readonly paceScale?: number;
  readonly holdMs?: number;
  readonly clock?: () => Date;
}

/** The delivery engine's dependencies from the Worker's bindings and secrets. */
export function deliveryDeps(env: AppEnv, options: DeliveryOptions = {}): DeliveryDeps {
  const queue = createDeliveryQueue(env.OUTBOX);
  // Per batch: each batch reads the workspaces' tokens afresh, so an uninstall stops it at once.
  const senders = new Map<string, Promise<SendPort | null>>();
  const clock = options.clock ?? (() => new Date());
  const slackToken = slackTokens({
    db: createDb(env.DB),
    secrets: env,
    apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    now: clock,
  });
  return {
    db: createDb(env.DB),
    d1: env.DB,
    senderFor(platform, workspaceId) {
      const key = `${platform}:${workspaceId}`;
      let sender = senders.get(key);
      if (!sender) {
        sender = createSender(env, platform, workspaceId, options.paceScale, slackToken);
        senders.set(key, sender);
      }
      return sender;
    },
    requeue: queue.requeue,
    nowMs: () => Date.now(),
    clock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    holdMs: options.holdMs ?? HOLD_MS,
    maxAttempts: MAX_ATTEMPTS,
  };
}

async function createSender(
  env: AppEnv,
  platform: "slack" | "discord",
  workspaceId: string,
  paceScale: number | undefined,
  slackToken: SlackTokenFor,
): Promise<SendPort | null> {
  if (platform === "slack") {
    const token = await slackToken(workspaceId);
    if (!token) return null;
    return createSlackSender({
      token,
      apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
      workspaceId,
      paceScale,
    });
  }
  if (!env.DISCORD_BOT_TOKEN || !env.DISCORD_APPLICATION_ID) return null;
  return createDiscordSender({
    apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
    botToken: env.DISCORD_BOT_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    paceScale,
  });
}

/** The `guyub-outbox` consumer: Cloudflare's batch to the platform-neutral engine. */
export async function consumeOutbox(
  batch: Pick<MessageBatch<unknown>, "messages">,
  deps: DeliveryDeps,
): Promise<void> {
  const messages: DeliveryMessage[] = [];
  for (const message of batch.messages) {
    const id = (message.body as { id?: unknown } | null)?.id;
    if (typeof id !== "number" || !Number.isInteger(id)) {
      // Not ours and never will be: retrying cannot help, so it is logged and acknowledged.
      console.warn("dropping malformed outbox message", { id: message.id, body: message.body });
      message.ack();
      continue;
    }
    messages.push({
      id,
      attempts: message.attempts,
      ack: () => message.ack(),
      retry: (options) => message.retry(options),
    });
  }
  await deliverBatch(deps, messages);
}
