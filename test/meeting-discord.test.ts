import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { discordButton, packedButton } from "./support/interactions.ts";
import { rows } from "./support/meetings.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-02-24T03:00:00Z");
const send = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
const reply = async (payload: unknown) =>
  JSON.stringify(
    await (await send()(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }))).json(),
  );

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("meetings on Discord", () => {
  it("an RSVP button answers privately in the community's language, once per member", async () => {
    const moderator = (options: unknown[]) => moderatorInteraction(options, { permissions: MANAGE_GUILD });
    await reply(moderator([sub("language", [str("language", "id")])]));
    const options = [str("cadence", "weekly"), str("weekday", "sel"), str("time", "19:00")];
    await reply(moderator([group("meeting", sub("schedule", options))]));
    await reply(commandInteraction([sub("help")]));
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const yes = packedButton(id, "meeting.rsvp", ["2027-03-02", "yes"]);
    const first = await reply(discordButton(yes));
    expect(first).toContain('"type":4');
    expect(first).toContain("Terima kasih! Jawaban Anda untuk Selasa, 2 Maret 2027 pukul 19.00");
    expect(first).toContain(": hadir.");
    expect(await reply(discordButton(yes))).toContain("tetap: hadir.");
    expect(await rows("SELECT user_id, answer FROM meeting_rsvps")).toEqual([
      { user_id: DISCORD_MEMBER, answer: "yes" },
    ]);
    const next = await reply(commandInteraction([group("meeting", sub("next"))]));
    expect(next).toContain("Jawaban Anda: hadir.");
    expect(next).toContain("Hadir · 1");
  });
});
