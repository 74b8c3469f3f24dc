import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingD1 } from "./support/counting-d1.ts";
import { resetDb } from "./support/db.ts";
import { commandInteraction, signedDiscord, sub } from "./support/discord.ts";
import { slashCommand } from "./support/slack.ts";
import { resetStandins, send, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("the hot path: a repeated /cop help from a known member", () => {
  it("costs one D1 round trip and no write on Slack (admin status cached for a day)", async () => {
    const { d1, counts } = countingD1(env.DB);
    await send(await slashCommand("help"), { env: { DB: d1 } });
    expect(counts.writes).toBeGreaterThan(0); // first contact: registered, admin status cached
    counts.roundTrips = 0;
    counts.writes = 0;
    await send(await slashCommand("help"), { env: { DB: d1 } });
    expect(counts).toEqual({ roundTrips: 1, writes: 0 });
    expect((await sentTo("slack")).filter((c) => c.method === "users.info")).toHaveLength(1);
  });

  it("costs one D1 round trip and no write on Discord", async () => {
    const { d1, counts } = countingD1(env.DB);
    await send(await signedDiscord(commandInteraction([sub("help")])), { env: { DB: d1 } });
    counts.roundTrips = 0;
    counts.writes = 0;
    await send(await signedDiscord(commandInteraction([sub("help")])), { env: { DB: d1 } });
    expect(counts).toEqual({ roundTrips: 1, writes: 0 });
  });

  it("writes again on a new day", async () => {
    const { d1, counts } = countingD1(env.DB);
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    const request = (d: string) =>
      signedDiscord(commandInteraction([sub("help")]), { timestamp: at(d).getTime() / 1000 });
    await send(await request("2026-11-28"), { env: { DB: d1 }, now: () => at("2026-11-28") });
    counts.writes = 0;
    await send(await request("2026-11-29"), { env: { DB: d1 }, now: () => at("2026-11-29") });
    expect(counts.writes).toBeGreaterThan(0);
  });
});
