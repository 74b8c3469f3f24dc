import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { SESSION_CACHE_MS } from "../src/app.ts";
import { countingD1 } from "./support/counting-d1.ts";
import { resetDb } from "./support/db.ts";
import { commandInteraction, signedDiscord, sub } from "./support/discord.ts";
import { MEMBER, MODERATOR, slashCommand } from "./support/slack.ts";
import { isolate, resetStandins, send, sentTo } from "./support/worker.ts";

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

describe("the session cache (one isolate's memory)", () => {
  it("answers a repeated /cop help with no D1 round trip at all", async () => {
    const { d1, counts } = countingD1(env.DB);
    const send = isolate({ env: { DB: d1 } });
    await send(await slashCommand("help"));
    counts.roundTrips = 0;
    counts.writes = 0;
    const body = (await (await send(await slashCommand("help"))).json()) as { text: string };
    expect(body.text).toBe("guyub: what you can do");
    expect(counts).toEqual({ roundTrips: 0, writes: 0 });
  });

  it("reads its own writes at once and other isolates' writes within the TTL", async () => {
    let clock = Date.now();
    const now = () => new Date(clock);
    const a = isolate({ now });
    const b = isolate({ now });
    const help = async () => ((await (await a(await slashCommand("help"))).json()) as { text: string }).text;
    expect(await help()).toBe("guyub: what you can do");
    await b(await slashCommand("language id", { user_id: MODERATOR }));
    expect(await help()).toBe("guyub: what you can do"); // A's copy is at most SESSION_CACHE_MS old
    clock += SESSION_CACHE_MS;
    expect(await help()).toBe("guyub: yang dapat Anda lakukan");
    await a(await slashCommand("language en", { user_id: MODERATOR }));
    expect(await help()).toBe("guyub: what you can do"); // own write: no wait
  });

  it("authorizes moderator commands on fresh state, never on a cached copy", async () => {
    const a = isolate();
    const b = isolate();
    await b(await slashCommand(`moderators add <@${MEMBER}>`, { user_id: MODERATOR }));
    const allowed = (await (await a(await slashCommand("language id"))).json()) as { text: string };
    expect(allowed.text).toContain("Bahasa Indonesia");
    await b(await slashCommand(`moderators remove <@${MEMBER}>`, { user_id: MODERATOR }));
    const refused = (await (await a(await slashCommand("language en"))).json()) as { text: string };
    expect(refused.text).toContain("Hanya moderator");
  });
});
