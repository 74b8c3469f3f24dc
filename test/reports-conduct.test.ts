import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MODERATOR,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { MEMBER, MODERATOR, replyText, slashCommand } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

type Send = (request: Request) => Promise<Response>;
const ask = async (worker: Send, text: string, user = MEMBER) =>
  replyText((await (await worker(await slashCommand(text, { user_id: user }))).json()) as { text?: string });

describe("/cop conduct", () => {
  it("shows a member the code of conduct as set, privately; says who sets it while there is none", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    const none = await ask(worker, "conduct");
    expect(none).toContain("no code of conduct yet");
    expect(none).toContain("/copmod onboarding conduct");
    await ask(worker, "onboarding conduct Be kind <!channel> &amp; share generously.", MODERATOR);
    const before = await snapshot();
    const shown = await ask(worker, "conduct");
    expect(shown).toContain("Code of conduct");
    expect(shown).toContain("Be kind @channel &amp; share generously."); // escaped: it pings nobody
    expect(await snapshot()).toEqual(before); // read-only
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    expect(await ask(worker, "conduct")).toContain("Tata tertib komunitas");
  });

  it("works on Discord too, and is in members' help", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    const discord = async (payload: unknown) =>
      ((await (await worker(await signedDiscord(payload))).json()) as { data: { content: string } }).data
        .content;
    const moderator = { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD };
    await discord(
      moderatorInteraction([group("onboarding", sub("conduct", [str("text", "Be kind.")]))], moderator),
    );
    expect(await discord(commandInteraction([sub("conduct")]))).toContain("Be kind.");
    expect(await discord(commandInteraction([sub("help")]))).toContain("/cop conduct");
  });
});
