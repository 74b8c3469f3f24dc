import { describe, expect, it } from "vitest";
import {
  DISCORD_PERMISSIONS,
  describeDiscordInstall,
  discordInstallPermissions,
  discordInstallUrl,
} from "../src/adapters/discord/install.ts";
import { PERMISSION } from "../src/adapters/discord/permissions.ts";
import { LOCALES, translator } from "../src/core/i18n/index.ts";

const APP = "100000000000000001";

describe("the Discord install link", () => {
  it("asks for bot and applications.commands and exactly View Channels, Send Messages and Read Message History", () => {
    const url = new URL(discordInstallUrl(APP));
    expect(`${url.origin}${url.pathname}`).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe(APP);
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    // 1024 + 2048 + 65536: Discord's documented bits, no Administrator, no Manage anything.
    expect(url.searchParams.get("permissions")).toBe("68608");
    expect(discordInstallPermissions()).toBe(
      PERMISSION.VIEW_CHANNEL | PERMISSION.SEND_MESSAGES | PERMISSION.READ_MESSAGE_HISTORY,
    );
    expect(url.searchParams.has("guild_id")).toBe(false);
    expect(
      new URL(discordInstallUrl(APP, { guildId: "200000000000000001" })).searchParams.get("guild_id"),
    ).toBe("200000000000000001");
  });

  it("gives the reason for every scope and permission, in both languages", () => {
    for (const locale of LOCALES) {
      const install = describeDiscordInstall(APP, translator(locale));
      expect(install.url).toBe(discordInstallUrl(APP));
      expect(install.asks.map((a) => a.what)).toEqual([
        "scope bot",
        "scope applications.commands",
        ...DISCORD_PERMISSIONS.map((p) => p.name),
      ]);
      for (const ask of install.asks) expect(ask.why.length).toBeGreaterThan(10);
    }
    const en = describeDiscordInstall(APP, translator("en")).asks.map((a) => a.why);
    const id = describeDiscordInstall(APP, translator("id")).asks.map((a) => a.why);
    expect(id.every((why, i) => why !== en[i])).toBe(true);
  });

  it("refuses an application id or server id that is not a snowflake", () => {
    expect(() => discordInstallUrl("my-app")).toThrow(/numeric id/);
    expect(() => discordInstallUrl(APP, { guildId: "guild" })).toThrow(/numeric/);
  });
});
