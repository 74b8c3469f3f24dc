import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { invocationFromOptions } from "../src/adapters/discord/parse.ts";
import { registry } from "../src/core/commands/index.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { type CommandRequest, handleCommand } from "../src/core/handle-command.ts";
import { type Locale, translator } from "../src/core/i18n/index.ts";
import type { PlatformTraits } from "../src/core/platform.ts";
import { resetDb } from "./support/db.ts";
import { realStore } from "./support/profiles.ts";
import { type TestPlatform, TRAITS } from "./support/traits.ts";

/**
 * What a reply says about the platform follows its declared traits: who else moderates, whether
 * roles can, what a community is called, and whether a new moderator must be granted the
 * moderators' command by a server admin. Each case runs once per platform's traits.
 */
const NOW = new Date("2026-12-01T12:00:00Z");
const PERSON = { slack: "U0AYU", discord: "300000000000000007" } as const;
const WORKSPACE = { slack: "T0GUYUB01", discord: "200000000000000001" } as const;

function request(
  platform: TestPlatform,
  text: string,
  directory: "person" | "unknown" = "person",
): CommandRequest {
  const traits: PlatformTraits = TRAITS[platform];
  return {
    traits,
    contact: {
      platform: traits.id,
      workspaceId: WORKSPACE[platform],
      workspaceName: "Guru Penggerak",
      userId: platform === "slack" ? "U0MOD" : "300000000000000001",
      displayName: "mod",
      initialLocale: "en",
    },
    syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: platform === "discord" },
    authority: () => ({ kind: "payload", isModerator: true }),
    parse: (r) =>
      platform === "slack"
        ? parseCommandText(r, traits, text)
        : invocationFromOptions("copmod", discordOptions(text.split(" "))),
    ingressKey: `test:${crypto.randomUUID()}`,
    directory: { user: async () => directory, channel: async () => null },
  };
}

/** `moderators add <id>` as Discord's option tree. */
function discordOptions([group, sub, value]: string[]) {
  const options = value ? [{ type: 6, name: "member", value }] : [];
  return [{ type: 2, name: group ?? "", options: [{ type: 1, name: sub ?? "", options }] }];
}

const say = async (platform: TestPlatform, text: string, directory?: "person" | "unknown") =>
  JSON.stringify(
    (await handleCommand({ store: realStore(), now: () => NOW }, request(platform, text, directory))).message,
  );
const speak = (locale: Locale) => env.DB.prepare("UPDATE communities SET locale = ?").bind(locale).run();
/** A member-naming message without the member: the words a reply must hold. */
const words = (
  locale: Locale,
  key: "moderators.added" | "moderators.unknown.workspace" | "moderators.unknown.server",
) => translator(locale).rich(key, { member: "" }).join("");

beforeEach(resetDb);

describe.each(["slack", "discord"] as const)("on %s", (platform) => {
  const traits = TRAITS[platform];

  it("moderators list names who else moderates, and a role only where roles can", async () => {
    const text = await say(platform, "moderators list");
    const implicit =
      traits.platformModerators === "admins"
        ? "moderators.implicit.admins"
        : "moderators.implicit.manageServer";
    expect(text).toContain(translator("en")(implicit));
    expect(text.includes(translator("en")("moderators.roleLabel"))).toBe(traits.roles);
  });

  it("moderators role exists only where roles can moderate", () => {
    expect(registry.forPlatform(traits).some((c) => c.name === "moderators role")).toBe(traits.roles);
  });

  it.each(["en", "id"] as const)(
    "moderators add in %s: the grant note only where a permission hides the command",
    async (locale) => {
      await say(platform, "moderators list");
      await speak(locale);
      const text = await say(
        platform,
        `moderators add ${platform === "slack" ? `<@${PERSON.slack}>` : PERSON.discord}`,
      );
      expect(text).toContain(words(locale, "moderators.added"));
      expect(text.includes("Server Settings → Integrations → guyub → copmod")).toBe(
        traits.commandPermissions,
      );
    },
  );

  it("someone not of this community is named in the platform's word for it", async () => {
    const text = await say(
      platform,
      `moderators add ${platform === "slack" ? "<@U0NOBODY>" : "300000000000000404"}`,
      "unknown",
    );
    const key =
      traits.community === "workspace" ? "moderators.unknown.workspace" : "moderators.unknown.server";
    expect(text).toContain(words("en", key));
  });
});
