import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  DISCORD_MODERATOR,
  MANAGE_GUILD,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { discordButton, packedButton } from "./support/interactions.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const MODS = "600000000000000009";
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

function discord() {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  const post = async (payload: unknown) =>
    JSON.stringify(
      await (await send(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }))).json(),
    );
  return {
    hello: (user: string) => post(commandInteraction([sub("conduct")], { user, permissions: MANAGE_GUILD })),
    report: (what: string, user = DISCORD_MEMBER) =>
      post(commandInteraction([sub("report", [str("what", what)])], { user })),
    press: (packed: string, user: string, permissions = "0") => {
      const press = discordButton(packed, { user });
      return post({ ...press, member: { ...(press as { member: object }).member, permissions } });
    },
  };
}

async function withModsChannel() {
  await env.DB.prepare(
    "INSERT INTO report_settings (community_id, channel_id, updated_at) SELECT id, ?, '' FROM communities",
  )
    .bind(MODS)
    .run();
}

describe("reports on Discord", () => {
  it("/cop report: a private confirmation (ephemeral), the card to the moderators' channel", async () => {
    const app = discord();
    await app.report("first, to register the community");
    await env.DB.prepare("DELETE FROM report_reporters").run();
    await env.DB.prepare("DELETE FROM reports").run();
    await withModsChannel();
    const reply = await app.report("an unkind remark in the meeting @everyone");
    expect(reply).toContain("went privately to the moderators");
    expect(reply).toContain('"flags":64');
    const outbox = await rows(`SELECT kind, target, payload FROM outbox WHERE target = '${MODS}'`);
    expect(outbox).toHaveLength(1);
    expect(String(outbox[0]?.payload)).toContain("an unkind remark in the meeting @everyone");
  });

  it("in Indonesian; a member's press on the card is refused, a moderator's claims it", async () => {
    const app = discord();
    await app.report("daftar");
    await app.hello(DISCORD_MODERATOR); // the moderator's first contact registers them
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    await withModsChannel();
    expect(await app.report("ada komentar yang menyinggung")).toContain(
      "Laporan Anda sudah dikirim secara pribadi",
    );
    const [report] = await rows("SELECT card_key FROM reports WHERE card_channel_id IS NOT NULL");
    const ref = String(report?.card_key).slice("report:".length);
    const community = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const claim = packedButton(community, "report.claim", [ref]);
    const before = await rows("SELECT status FROM reports WHERE card_channel_id IS NOT NULL");
    expect(await app.press(claim, DISCORD_MEMBER)).toContain("moderator");
    expect(await rows("SELECT status FROM reports WHERE card_channel_id IS NOT NULL")).toEqual(before);
    // A forged button naming another community, or a ref that is no report: refused, nothing changes.
    const forged = packedButton(community + 1, "report.claim", [ref]);
    expect(await app.press(forged, DISCORD_MODERATOR, MANAGE_GUILD)).toContain(
      "Tombol itu sudah tidak berlaku",
    );
    const unknown = packedButton(community, "report.claim", ["0123456789ab"]);
    expect(await app.press(unknown, DISCORD_MODERATOR, MANAGE_GUILD)).toContain(
      "Laporan itu sudah tidak tersedia",
    );
    expect(await rows("SELECT status FROM reports WHERE card_channel_id IS NOT NULL")).toEqual(before);
    expect(await app.press(claim, DISCORD_MODERATOR, MANAGE_GUILD)).toContain("Anda menangani laporan ini");
    expect(await rows("SELECT status, claimed_by FROM reports WHERE card_channel_id IS NOT NULL")).toEqual([
      { status: "claimed", claimed_by: DISCORD_MODERATOR },
    ]);
    const edit = await rows("SELECT payload FROM outbox WHERE kind = 'edit'");
    expect(String(edit[0]?.payload)).toContain("Ditangani oleh");
    const untouched = await snapshot();
    expect(await app.press(claim, DISCORD_MODERATOR, MANAGE_GUILD)).toContain("sedang ditangani");
    expect(await snapshot()).toBe(untouched);
  });
});
