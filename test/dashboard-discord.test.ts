import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { openLink, openPage, pressButton, sessionIn, storedLink, tokenIn } from "./support/dashboard.ts";
import { resetDb } from "./support/db.ts";
import {
  DISCORD_MODERATOR,
  GUILD,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  sub,
} from "./support/discord.ts";
import { discordGuildWorld } from "./support/standins.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const OTHER_GUILD = "200000000000000002";
const MODS = "600000000000000009";
const app = isolate({ now: () => NOW, sessionCacheMs: 0 });

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** `/copmod dashboard` in a server, from someone Discord says has Manage Server. */
async function ask(
  guildId = GUILD,
  guildLocale = "id",
): Promise<{ type: number; data: { flags: number; content: string } }> {
  const payload = moderatorInteraction([sub("dashboard")], {
    user: DISCORD_MODERATOR,
    permissions: MANAGE_GUILD,
    guildId,
    guildLocale,
  });
  return (await (
    await app(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }))
  ).json()) as never;
}

/** The server as Discord describes it: @everyone without rights, the moderators' role with Manage Server. */
const world = (guildId: string, memberRoles: Record<string, string[]>, ownerId?: string) =>
  discordGuildWorld({
    guildId,
    roles: [
      { id: guildId, permissions: "0" },
      { id: MODS, permissions: MANAGE_GUILD },
    ],
    memberRoles,
    ...(ownerId ? { ownerId } : {}),
  });

describe("/copmod dashboard on Discord", () => {
  it("answers ephemeral with embeds suppressed (64 | 4), the link unescaped in angle brackets", async () => {
    const reply = await ask();
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64 | 4);
    const token = tokenIn(reply.data.content);
    expect(reply.data.content).toContain(`<http://127.0.0.1:8787/dashboard/open?t=${token}>`);
  });

  it("redeems when Discord's roles still give Manage Server, in the community's language", async () => {
    await world(GUILD, { [DISCORD_MODERATOR]: [MODS] });
    const token = tokenIn((await ask()).data.content);
    expect(await (await app(openLink(token))).text()).toContain('<html lang="id">');
    const pressed = await app(pressButton(token));
    expect(pressed.status).toBe(303);
    const page = await app(openPage(sessionIn(pressed.headers.get("set-cookie"))));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="id">');
  });

  it("the server's owner moderates whatever their roles", async () => {
    await world(GUILD, {}, DISCORD_MODERATOR);
    const token = tokenIn((await ask()).data.content);
    expect((await app(pressButton(token))).status).toBe(303);
  });

  it("a moderator whose role was taken between link and press is refused, in Indonesian, with no session", async () => {
    await world(GUILD, { [DISCORD_MODERATOR]: [MODS] });
    const token = tokenIn((await ask()).data.content);
    await world(GUILD, { [DISCORD_MODERATOR]: [] });
    const pressed = await app(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await pressed.text()).toContain("bukan moderator");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });

  it("a session is bound to its community: moderating another server opens nothing here", async () => {
    await world(GUILD, { [DISCORD_MODERATOR]: [MODS] });
    await ask(OTHER_GUILD, "en-US"); // the same person, a moderator of another server too
    await env.DB.prepare(
      "UPDATE members SET is_moderator = 1 WHERE community_id = (SELECT id FROM communities WHERE workspace_id = ?)",
    )
      .bind(OTHER_GUILD)
      .run();
    const token = tokenIn((await ask()).data.content);
    const session = sessionIn((await app(pressButton(token))).headers.get("set-cookie"));
    expect((await app(openPage(session))).status).toBe(200);
    // Discord takes the role here; guyub learns it (the cached answer is now "no").
    await env.DB.prepare(
      "UPDATE members SET platform_admin = 0 WHERE community_id = (SELECT id FROM communities WHERE workspace_id = ?)",
    )
      .bind(GUILD)
      .run();
    const page = await app(openPage(session));
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("Sesi Anda sudah berakhir");
  });

  it("a link is checked against its own community: moderating another server does not open it", async () => {
    await world(GUILD, {});
    await ask(OTHER_GUILD, "en-US");
    await ask(GUILD); // both communities now know the person
    const id = async (guild: string) =>
      (
        await env.DB.prepare("SELECT id FROM communities WHERE workspace_id = ?")
          .bind(guild)
          .first<{ id: number }>()
      )?.id ?? 0;
    await env.DB.prepare("UPDATE members SET is_moderator = 1 WHERE community_id = ?")
      .bind(await id(OTHER_GUILD))
      .run();
    const token = "2".repeat(64);
    await storedLink(await id(GUILD), DISCORD_MODERATOR, token, new Date(NOW.getTime() + 60_000));
    const pressed = await app(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });
});
