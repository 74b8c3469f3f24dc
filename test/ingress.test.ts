import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { defineCommand } from "../src/core/commands/define.ts";
import { registry as defaultRegistry, GROUP_SUMMARIES } from "../src/core/commands/index.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { ephemeral } from "../src/core/message.ts";
import { resetDb } from "./support/db.ts";
import { commandInteraction, signedDiscord, sub } from "./support/discord.ts";
import { signedSlack, slashCommand, TEAM } from "./support/slack.ts";
import { isolate, outboxQueue } from "./support/worker.ts";

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

beforeEach(async () => {
  await resetDb();
  outboxQueue.take();
});

describe("Slack events are acted on once", () => {
  const uninstalled = JSON.stringify({
    token: "legacy",
    team_id: TEAM,
    api_app_id: "A0GUYUB",
    type: "event_callback",
    event_id: "Ev0UNINSTALL1",
    event_time: 1_700_000_000,
    event: { type: "app_uninstalled" },
  });

  it("an event delivered four times (retries 1–3) has one effect", async () => {
    const worker = isolate();
    await worker(await slashCommand("help")); // the community exists
    for (const retry of [undefined, "1", "2", "3"]) {
      const request = await signedSlack("/slack/events", uninstalled, { contentType: "application/json" });
      if (retry) {
        request.headers.set("x-slack-retry-num", retry);
        request.headers.set("x-slack-retry-reason", "http_timeout");
      }
      expect((await worker(request)).status).toBe(200);
    }
    expect(await count("audit_log")).toBe(1);
    expect(await count("delivery_blocks")).toBe(1);
    expect(await count("processed_events")).toBe(1);
  });

  it("the lost access is shown at the top of the next moderator command, once", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await worker(await slashCommand("help"));
    await worker(await signedSlack("/slack/events", uninstalled, { contentType: "application/json" }));
    const asModerator = (text: string) => slashCommand(text, { user_id: "U0MODERATOR" });
    const first = JSON.stringify(await (await worker(await asModerator("delivery status"))).json());
    expect(first).toContain("Heads-up: guyub cannot post to");
    expect(first).toContain("app_uninstalled");
    const second = JSON.stringify(await (await worker(await asModerator("delivery status"))).json());
    expect(second).not.toContain("Heads-up: guyub cannot post to");
    expect(second).toContain("app_uninstalled"); // still listed where guyub cannot post
  });
});

describe("replayed commands change nothing twice", () => {
  // A command whose every run writes a new outbox row: the only thing stopping a second row
  // on replay is the ingress key.
  const tally = defineCommand({
    path: ["tally"],
    summary: "cmd.help",
    options: {},
    moderator: false,
    example: {},
    handle: () => ({
      message: ephemeral({ type: "text", text: "counted" }),
      effects: [
        {
          type: "outbox.send",
          draft: {
            kind: "post",
            key: `tally:${crypto.randomUUID()}`,
            channelId: "C0GENERAL",
            message: ephemeral({ type: "text", text: "+1" }),
          },
        },
      ],
    }),
  });
  const registry = createRegistry([...defaultRegistry.commands, tally], GROUP_SUMMARIES);

  it("a Discord interaction replayed (same id, same signature) has one effect", async () => {
    const worker = isolate({ registry });
    const interaction = commandInteraction([sub("tally")]);
    const body = JSON.stringify(interaction);
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await worker(await signedDiscord(interaction, { body, timestamp }));
    const replay = await worker(await signedDiscord(interaction, { body, timestamp }));
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(JSON.stringify(await replay.json())).toContain("counted");
    expect(await count("outbox")).toBe(1);
    expect(outboxQueue.take()).toHaveLength(1);
  });

  it("a Slack command replayed within the signature window has one effect", async () => {
    const worker = isolate({ registry });
    const request = await slashCommand("tally");
    const body = await request.clone().text();
    await worker(request);
    await worker(new Request(request.url, { method: "POST", headers: request.headers, body }));
    expect(await count("outbox")).toBe(1);
  });
});
