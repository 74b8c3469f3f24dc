import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { syncCommunity } from "../src/features/membership/member-sync-job.ts";
import { resetDb } from "./support/db.ts";
import { drain, seedCommunity, testDelivery } from "./support/delivery.ts";
import { GUILD, signedDiscord } from "./support/discord.ts";
import { discordButton, slackButton } from "./support/interactions.ts";
import { eventRequest, slackEvent, slackUser } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { slashCommand } from "./support/slack.ts";
import { configureStandins } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo, testEnv } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("the welcome's button opens the intro form", () => {
  it("Slack: team_join → the welcome DM → its button, pressed in the DM, opens the intro modal", async () => {
    const worker = isolate();
    await worker(await slashCommand("help"));
    await worker(
      await eventRequest(slackEvent("Ev0E2E", { type: "team_join", user: slackUser("U0NEWBIE") })),
    );
    const { deps, queue } = testDelivery();
    await drain(
      deps,
      queue,
      outboxQueue.take().map((m) => (m.body as { id: number }).id),
    );
    const [dm] = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    const blocks = JSON.parse(String((dm?.body as { blocks?: string } | undefined)?.blocks)) as {
      type: string;
      elements?: { action_id: string }[];
    }[];
    const actionId = blocks.find((b) => b.type === "actions")?.elements?.[0]?.action_id ?? "";
    expect(actionId).toMatch(/^intro\.open:\d+$/);

    await worker(await slackButton(actionId, { user: "U0NEWBIE" }));
    const opened = (await sentTo("slack")).filter((c) => c.method === "views.open");
    expect(opened).toHaveLength(1);
    expect(JSON.stringify(opened[0]?.body)).toContain("intro.");
  });

  it("Discord: a newcomer found by the sync → the welcome DM → its button, pressed in the DM, answers with the modal", async () => {
    await configureStandins({
      discordMemberCount: 3,
      discordLimits: { members: { limit: 100, windowMs: 1000 } },
    });
    const community = await seedCommunity("discord", GUILD);
    const at = new Date("2027-03-02T09:00:00Z");
    const queue = new RecordingQueue();
    const deps = (now: Date) => jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(now);
    await syncCommunity(deps(at), community.id);
    await configureStandins({ discordMemberCount: 4 });
    await syncCommunity(deps(new Date(at.getTime() + 60 * 60 * 1000)), community.id);
    const newcomer = "200000000000000003";

    const delivery = testDelivery();
    await drain(
      delivery.deps,
      delivery.queue,
      queue.take().map((m) => (m.body as { id: number }).id),
    );
    const dm = (await sentTo("discord")).find((c) => String(c.route).endsWith("/messages"));
    const body = dm?.body as { content: string; components: { components: { custom_id: string }[] }[] };
    expect(body.content).toContain("Welcome!");
    const customId = body.components[0]?.components[0]?.custom_id ?? "";
    expect(customId).toBe(`intro.open:${community.id}`);

    const worker = isolate();
    const reply = await worker(await signedDiscord(discordButton(customId, { user: newcomer, guild: null })));
    expect(((await reply.json()) as { type: number }).type).toBe(9); // a modal
  });
});
