import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  DISCORD_MODERATOR,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  sub,
} from "./support/discord.ts";
import { discordButton, discordSubmit, packedButton } from "./support/interactions.ts";
import { communityId, GOOD, SETUP_AT, settingsRows } from "./support/setup.ts";
import { discordChannels } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const CHANNEL = "600000000000000001";
const STEP1 = { language: GOOD.language, timezone: GOOD.timezone, channel: [CHANNEL], conduct: GOOD.conduct };
const STEP2 = { cadence: GOOD.cadence, weekday: GOOD.weekday, time: GOOD.time, link: GOOD.link };

type Reply = { type: number; data: Record<string, unknown> };

/** Presses and submits as a moderator (Manage Server), at the setup moment. */
function discordAt(at: Date) {
  const worker = isolate({ now: () => at, sessionCacheMs: 0 });
  const timestamp = Math.floor(at.getTime() / 1000);
  const asModerator = <T extends { member?: object }>(payload: T): T => ({
    ...payload,
    member: { ...payload.member, permissions: MANAGE_GUILD },
  });
  const send = async (payload: unknown): Promise<Reply> =>
    (await (await worker(await signedDiscord(payload, { timestamp }))).json()) as Reply;
  return {
    command: (name: string) =>
      send(moderatorInteraction([sub(name)], { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD })),
    press: (packed: string) => send(asModerator(discordButton(packed, { user: DISCORD_MODERATOR }))),
    submit: (packed: string, values: Record<string, string | string[]>) =>
      send(asModerator(discordSubmit(packed, values, { user: DISCORD_MODERATOR, channels: ["channel"] }))),
  };
}

const drafts = async () =>
  (await env.DB.prepare("SELECT form_id, answers FROM form_drafts ORDER BY form_id").all()).results;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("/copmod setup on Discord: two steps within the five-component limit", () => {
  it("step 1 → Continue → step 2 saves everything once; step 1 alone writes no setting", async () => {
    const discord = discordAt(SETUP_AT);
    const step1 = await discord.command("setup");
    const id = await communityId();
    expect(step1).toMatchObject({ type: 9, data: { custom_id: `setup.basics:${id}` } });
    const components = step1.data.components as { type: number; component: Record<string, unknown> }[];
    expect(components.map((c) => [c.type, c.component.custom_id, c.component.type])).toEqual([
      [18, "language", 3],
      [18, "timezone", 4],
      [18, "channel", 8],
      [18, "conduct", 4],
      [18, "reportChannel", 8],
    ]);
    // The channel select lists channels guyub can post to, and may be left empty (guyub says why).
    expect(components[2]?.component).toMatchObject({ channel_types: [0, 5], required: false, min_values: 0 });

    const before = await settingsRows();
    const kept = await discord.submit(`setup.basics:${id}`, STEP1);
    expect(kept.type).toBe(4);
    expect(kept.data.flags).toBe(64);
    expect(JSON.stringify(kept.data.components)).toContain(`setup.next:${id}`);
    expect(await settingsRows()).toEqual(before);
    expect(await drafts()).toEqual([{ form_id: "setup.held", answers: expect.stringContaining(CHANNEL) }]);

    const step2 = await discord.press(packedButton(id, "setup.next"));
    expect(step2).toMatchObject({ type: 9, data: { custom_id: `setup.meeting:${id}` } });
    expect(step2.data.components).toHaveLength(4);

    const done = await discord.submit(`setup.meeting:${id}`, STEP2);
    expect(done.type).toBe(4);
    const text = String(done.data.content);
    expect(text).toContain("Saved. Here is where things stand:");
    expect(text).toContain(`<#${CHANNEL}>`);
    expect(text).toContain("Saturday 27 Feb, 09:00 GMT+7: announce the meeting of Tuesday 2 Mar");
    const { communities, series } = await settingsRows();
    expect(communities).toEqual([
      expect.objectContaining({
        timezone: "Asia/Jakarta",
        main_channel_id: CHANNEL,
        conduct_text: GOOD.conduct,
      }),
    ]);
    expect(series).toEqual([expect.objectContaining({ cadence: "weekly", first_day: "2027-03-02" })]);
    expect(await drafts()).toEqual([]);

    // Run again: the checklist with a button that opens the form, not the form itself.
    const again = await discord.command("setup");
    expect(again.type).toBe(4);
    expect(String(again.data.content)).toContain("Setup checklist");
    expect(JSON.stringify(again.data.components)).toContain(`setup.open:${id}`);
    // Its button opens step 1 filled with the settings as saved.
    const reopened = await discord.press(packedButton(id, "setup.open"));
    expect(reopened).toMatchObject({ type: 9, data: { custom_id: `setup.basics:${id}` } });
    const filled = reopened.data.components as { component: Record<string, unknown> }[];
    expect(filled[1]?.component.value).toBe("Asia/Jakarta");
    expect(filled[2]?.component.default_values).toEqual([{ id: CHANNEL, type: "channel" }]);
  });

  it("a bad timezone or an empty channel: an ephemeral error with a reopen button, answers kept, nothing saved", async () => {
    const discord = discordAt(SETUP_AT);
    await discord.command("setup");
    const id = await communityId();
    const before = await settingsRows();
    const bad = await discord.submit(`setup.basics:${id}`, {
      ...STEP1,
      timezone: "Mars/Olympus",
      channel: [],
    });
    expect(bad.type).toBe(4);
    expect(bad.data.flags).toBe(64);
    expect(String(bad.data.content)).toContain("Mars/Olympus");
    expect(String(bad.data.content)).toContain("Choose the main channel");
    expect(JSON.stringify(bad.data.components)).toContain(`form.reopen:${id}:setup.basics`);
    expect(await settingsRows()).toEqual(before);

    // The reopened form comes back with the answers as typed.
    const reopened = await discord.press(packedButton(id, "form.reopen", ["setup.basics"]));
    expect(reopened).toMatchObject({ type: 9, data: { custom_id: `setup.basics:${id}` } });
    expect(JSON.stringify(reopened.data.components)).toContain("Mars/Olympus");
  });

  it("a main channel guyub may not send in: step 1 says what to allow, and keeps nothing", async () => {
    const discord = discordAt(SETUP_AT);
    await discord.command("setup");
    const id = await communityId();
    // guyub's role (the stand-in's managed role) may not send in that channel.
    await discordChannels([
      { id: CHANNEL, overwrites: [{ id: "100000000000000009", type: 0, deny: String(1n << 11n) }] },
    ]);
    const before = await settingsRows();
    const bad = await discord.submit(`setup.basics:${id}`, STEP1);
    expect(String(bad.data.content)).toContain(
      "guyub can see the channel you chose but may not send messages there. In the channel's settings, under Permissions, allow guyub's role to Send Messages",
    );
    expect(JSON.stringify(bad.data.components)).toContain(`form.reopen:${id}:setup.basics`);
    expect(await settingsRows()).toEqual(before);
    expect((await drafts()).map((d) => d.form_id)).not.toContain("setup.held");
  });

  it("25:00 in step 2: an error with a reopen button, and neither step is saved", async () => {
    const discord = discordAt(SETUP_AT);
    await discord.command("setup");
    const id = await communityId();
    const before = await settingsRows();
    await discord.submit(`setup.basics:${id}`, STEP1);
    const bad = await discord.submit(`setup.meeting:${id}`, { ...STEP2, time: "25:00" });
    expect(String(bad.data.content)).toContain("25:00");
    expect(JSON.stringify(bad.data.components)).toContain(`form.reopen:${id}:setup.meeting`);
    expect(await settingsRows()).toEqual(before);
    // Fixed: everything from both steps is saved in one go.
    await discord.submit(`setup.meeting:${id}`, STEP2);
    expect((await settingsRows()).communities).toEqual([
      expect.objectContaining({ main_channel_id: CHANNEL }),
    ]);
  });

  it("the checklist fits one Discord message uncut, in Indonesian, with the longest link", async () => {
    const discord = discordAt(SETUP_AT);
    await discord.command("setup");
    const id = await communityId();
    await discord.submit(`setup.basics:${id}`, { ...STEP1, language: ["id"] });
    const link = `https://meet.example/${"a".repeat(470)}`;
    const done = await discord.submit(`setup.meeting:${id}`, { ...STEP2, link });
    const content = String(done.data.content);
    expect(content).toContain("Jalankan /copmod setup lagi");
    expect(content.length).toBeLessThanOrEqual(2000);
    expect((await settingsRows()).series).toEqual([expect.objectContaining({ link })]);
  });

  it("step 2 without a kept step 1 saves nothing and offers to start again", async () => {
    const discord = discordAt(SETUP_AT);
    await discord.command("setup");
    const id = await communityId();
    const before = await settingsRows();
    const lost = await discord.submit(`setup.meeting:${id}`, STEP2);
    expect(String(lost.data.content)).toContain("Nothing was saved");
    expect(JSON.stringify(lost.data.components)).toContain(`setup.open:${id}`);
    expect(await settingsRows()).toEqual(before);
  });
});
