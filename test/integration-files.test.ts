import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { registry } from "../src/core/commands/index.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import { replyText, slashCommand } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { send } from "./support/worker.ts";

describe("generated integration files", () => {
  it("registers /cop and /copmod with the Discord stand-in, globally and per guild", async () => {
    const base = `${standinsBase()}/discord/api/v10/applications/${env.DISCORD_APPLICATION_ID}`;
    for (const url of [`${base}/commands`, `${base}/guilds/200000000000000001/commands`]) {
      const response = await fetch(url, {
        method: "PUT",
        headers: { authorization: `Bot ${env.DISCORD_BOT_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(discordCommandDefinitions(registry)),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      // Both roots as Discord keeps them: only /copmod is hidden from members without Manage Server.
      const saved = (await response.json()) as Array<{
        name: string;
        default_member_permissions: string | null;
      }>;
      expect(saved.map((c) => [c.name, c.default_member_permissions])).toEqual([
        ["cop", null],
        ["copmod", "32"],
      ]);
    }
  });

  it("builds a Slack manifest whose URLs are the fixed HTTP routes", () => {
    const manifest = slackManifest(registry, "https://guyub.example.dev/");
    expect(manifest.features.slash_commands[0]).toMatchObject({
      command: "/cop",
      url: "https://guyub.example.dev/slack/commands",
      should_escape: true,
    });
    expect(manifest.settings.interactivity.request_url).toBe("https://guyub.example.dev/slack/interactions");
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://guyub.example.dev/slack/events");
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://guyub.example.dev/slack/oauth/callback"]);
    expect(manifest.oauth_config.scopes.bot).toContain("users:read");
  });
});

describe("first contact", () => {
  it("registers a community and member once, even when two commands race", async () => {
    await resetDb();
    const responses = await Promise.all([send(await slashCommand("help")), send(await slashCommand("help"))]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    // A losing racer must still get its answer: the apology (HTTP 200 too) would mean the
    // registration batch failed on the unique keys instead of meeting the existing rows.
    for (const response of responses) {
      const text = replyText((await response.json()) as { text?: string; blocks?: unknown[] });
      expect(text).toContain("guyub: what you can do");
      expect(text).not.toContain("Sorry, something went wrong");
    }
    // The member's rotation tally row comes with the member (a trigger, migration 0013), and their
    // week of activity with the day (one row: the racer's same day changes nothing).
    expect(await rowCounts()).toEqual({
      ...NO_ROWS,
      members: 1,
      communities: 1,
      rotation_tally: 1,
      member_activity_weeks: 1,
    });
  });
});
