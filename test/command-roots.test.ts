import { describe, expect, it } from "vitest";
import { commandCharacterCount } from "../src/adapters/discord/command-size.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { DISCORD_TRAITS } from "../src/adapters/discord/traits.ts";
import { slackCommandRoots } from "../src/adapters/slack/command-roots.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { SLACK_TRAITS } from "../src/adapters/slack/traits.ts";
import { defineCommand } from "../src/core/commands/define.ts";
import { GROUP_SUMMARIES, registry } from "../src/core/commands/index.ts";
import { option } from "../src/core/commands/options.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { MEMBER_ROOT, MODERATOR_ROOT, ROOTS, rootOf } from "../src/core/commands/roots.ts";
import { rootSize, SIZE_BUDGET } from "../src/core/commands/size.ts";
import type { Command } from "../src/core/commands/types.ts";
import { CommandError } from "../src/core/errors.ts";
import { en } from "../src/core/i18n/en.ts";
import { id } from "../src/core/i18n/id.ts";
import { ephemeral } from "../src/core/message.ts";

/** What parsing typed text throws, as `code path@root`. */
function refusal(text: string, where: Parameters<typeof parseCommandText>[3]): string {
  try {
    parseCommandText(registry, SLACK_TRAITS, text, where);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    return `${error.code} ${error.detail.path ?? error.detail.input}@${error.detail.root ?? ""}`;
  }
  return "parsed";
}
const underCop = { root: MEMBER_ROOT, memberRootTakesModeratorWords: true } as const;
const underCopmod = { root: MODERATOR_ROOT } as const;
const parsed = (text: string, where: Parameters<typeof parseCommandText>[3]) => {
  const invocation = parseCommandText(registry, SLACK_TRAITS, text, where);
  return `${invocation.root} ${invocation.path.join(" ")}`;
};

describe("two roots: cop for members, copmod for moderators", () => {
  it("puts every moderator-only command under copmod and the rest, meeting done included, under cop", () => {
    for (const command of registry.commands)
      expect(rootOf(command), command.name).toBe(command.moderator ? "copmod" : "cop");
    expect(rootOf(registry.find(["meeting", "done"]) as Command)).toBe("cop");
    expect(registry.tree(SLACK_TRAITS, "cop").some((e) => e.kind === "command" && e.command.moderator)).toBe(
      false,
    );
  });

  it("reads words under their root; each root's group default is its own", () => {
    expect(registry.resolve(SLACK_TRAITS, ["meeting", "schedule"], true, "cop").kind).toBe("unknown");
    expect(registry.resolve(SLACK_TRAITS, ["meeting", "schedule"], true, "copmod").kind).toBe("command");
    expect(registry.resolve(SLACK_TRAITS, ["meeting"], true, "cop")).toMatchObject({
      kind: "command",
      command: { name: "meeting next" },
    });
    expect(registry.resolve(SLACK_TRAITS, ["meeting"], true, "copmod")).toMatchObject({ kind: "incomplete" });
    expect(registry.resolve(SLACK_TRAITS, ["nudges"], true, "copmod")).toMatchObject({
      command: { name: "nudges quiet" },
    });
    const nudges = registry.resolve(SLACK_TRAITS, ["nudges"], true, "cop");
    expect(nudges.kind === "incomplete" && nudges.choices.map((c) => c.name)).toEqual([
      "nudges off",
      "nudges on",
      "nudges snooze",
    ]);
  });

  it("Slack short forms: /copmod keeps the moderators' defaults, /cop gives members theirs or none", () => {
    expect(parsed("nudges", underCopmod)).toBe("copmod nudges quiet");
    expect(parsed("digest", underCopmod)).toBe("copmod digest preview");
    expect(parsed("onboarding", underCopmod)).toBe("copmod onboarding preview");
    // /cop nudges has member commands: it lists the member's choices instead of the quiet list.
    expect(refusal("nudges", underCop)).toBe("missing_subcommand nudges@cop");
    // Words that moved as a whole still run their /copmod default through /cop, for one release.
    expect(parsed("digest", underCop)).toBe("copmod digest preview");
    expect(parsed("onboarding", underCop)).toBe("copmod onboarding preview");
    expect(parsed("meeting", underCop)).toBe("cop meeting next");
  });

  it("/cop takes moderator words for one release; /copmod refuses member words, saying where they are", () => {
    expect(parsed("moderators add <@U1|ayu>", underCop)).toBe("copmod moderators add");
    expect(parsed("nudges quiet", underCop)).toBe("copmod nudges quiet");
    expect(refusal("moderators add <@U1>", { root: MEMBER_ROOT })).toBe("wrong_root moderators add@copmod");
    expect(refusal("meeting next", underCopmod)).toBe("wrong_root meeting next@cop");
    expect(refusal("help", underCopmod)).toBe("wrong_root help@cop");
    expect(refusal("dance", underCop)).toBe("unknown_command dance@");
    expect(parsed("", underCopmod)).toBe("undefined help");
  });

  it("pairs a Slack app's two slash commands, keeping a staging suffix", () => {
    const pair = (name: string) => {
      const { root, syntax } = slackCommandRoots(name);
      return [root, syntax.prefix, syntax.moderatorPrefix];
    };
    expect(pair("/cop")).toEqual(["cop", "/cop", "/copmod"]);
    expect(pair("/copmod")).toEqual(["copmod", "/cop", "/copmod"]);
    expect(pair("/cop-dev")).toEqual(["cop", "/cop-dev", "/copmod-dev"]);
    expect(pair("/copmod-dev")).toEqual(["copmod", "/cop-dev", "/copmod-dev"]);
  });

  it("registers /cop and /copmod in the Slack manifest at the same URL, each with its own words", () => {
    const commands = slackManifest(registry, "https://guyub.example.dev").features.slash_commands;
    expect(commands.map((c) => [c.command, c.url, c.should_escape])).toEqual([
      ["/cop", "https://guyub.example.dev/slack/commands", true],
      ["/copmod", "https://guyub.example.dev/slack/commands", true],
    ]);
    expect(commands[0]?.usage_hint.split(" | ")).toContain("kudos");
    expect(commands[0]?.usage_hint.split(" | ")).not.toContain("setup");
    expect(commands[1]?.usage_hint.split(" | ")).toContain("setup");
    const staging = slackManifest(registry, "https://x.dev", "/cop-dev").features.slash_commands;
    expect(staging.map((c) => c.command)).toEqual(["/cop-dev", "/copmod-dev"]);
  });
});

describe("the size guard: each root as Discord counts it", () => {
  const definitions = discordCommandDefinitions(registry);

  for (const root of ROOTS) {
    const json = definitions.find((d) => d.name === root);
    const counted = json ? commandCharacterCount(json) : Number.NaN;
    it(`counts /${root} as its Discord JSON does (${counted} of ${SIZE_BUDGET.characters} allowed)`, () => {
      const size = rootSize(root, registry.forPlatform(DISCORD_TRAITS), GROUP_SUMMARIES);
      expect(size.characters).toBe(counted);
      expect(size.characters).toBeLessThanOrEqual(SIZE_BUDGET.characters);
      expect(size.widest.count).toBeLessThanOrEqual(SIZE_BUDGET.perLevel);
      expect(json?.options.length).toBe(registry.tree(DISCORD_TRAITS, root).length);
    });
  }

  it("refuses at start-up a root over 85 % of 8,000 characters, counting choice values", () => {
    // 8 choices of 100-character values: the names (the values) and the values both count, 1,600
    // characters: more than /copmod has left, less than /cop has.
    const values = Array.from({ length: 8 }, (_, i) => `${String(i).padStart(2, "0")}${"v".repeat(98)}`);
    const big = defineCommand({
      path: ["palette"],
      summary: "cmd.help",
      options: { colour: option.choice(values as [string, ...string[]], "arg.command", "arg.command.help") },
      moderator: true,
      example: {},
      handle: () => ({ message: ephemeral() }),
    });
    const current = rootSize(MODERATOR_ROOT, registry.commands, GROUP_SUMMARIES).characters;
    expect(current + 8 * 200).toBeGreaterThan(SIZE_BUDGET.characters);
    expect(() => createRegistry([...registry.commands, big], GROUP_SUMMARIES)).toThrow(
      /\/copmod counts \d+ characters as Discord counts them, over the 6800 allowed/,
    );
    // The same command for members fits /cop.
    expect(() =>
      createRegistry([...registry.commands, { ...big, moderator: false }], GROUP_SUMMARIES),
    ).not.toThrow();
  });

  it("refuses at start-up more than 22 subcommands or groups at one level", () => {
    const word = (i: number) =>
      defineCommand({
        path: ["extra", `w${i}`],
        summary: "cmd.help",
        options: {},
        moderator: false,
        example: {},
        handle: () => ({ message: ephemeral() }),
      });
    const summaries = { ...GROUP_SUMMARIES, extra: "cmd.help" } as const;
    expect(() =>
      createRegistry([...registry.commands, ...Array.from({ length: 22 }, (_, i) => word(i))], summaries),
    ).not.toThrow();
    expect(() =>
      createRegistry([...registry.commands, ...Array.from({ length: 23 }, (_, i) => word(i))], summaries),
    ).toThrow(/\/cop extra has 23 entries at one level, over the 22 allowed/);
  });

  it("describes /copmod in both languages", () => {
    expect(en["cmd.rootModerator"].length).toBeLessThanOrEqual(100);
    expect(id["cmd.rootModerator"].length).toBeLessThanOrEqual(100);
  });
});

/** Every core source file (src/core/ and the feature folders), as text: the usage lines its replies build. */
const SOURCES = import.meta.glob(["../src/core/**/*.ts", "../src/features/**/*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("every reply names a command under its own root", () => {
  it("builds moderator usages with moderatorPrefix and member usages with prefix", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [file, text] of Object.entries(SOURCES)) {
      const usages = text.matchAll(
        /\$\{(?:ctx\.)?syntax\.(prefix|moderatorPrefix)\} ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g,
      );
      for (const [whole, prefix, first, second] of usages) {
        const command =
          (second ? registry.find([first as string, second]) : undefined) ?? registry.find([first as string]);
        // A group word alone (`onboarding ${words}`): its commands decide when they share a root.
        const group = registry.commands.filter((c) => c.path.length === 2 && c.path[0] === first);
        const moderator = command
          ? command.moderator
          : group.every((c) => c.moderator) === group.some((c) => c.moderator)
            ? group[0]?.moderator
            : undefined;
        if (moderator === undefined) continue;
        checked += 1;
        if ((prefix === "moderatorPrefix") !== moderator) wrong.push(`${file}: ${whole}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("writes no moderator command as /cop in the catalogs", () => {
    const wrong: string[] = [];
    for (const [locale, catalog] of [
      ["en", en],
      ["id", id],
    ] as const)
      for (const [key, text] of Object.entries(catalog))
        for (const [, first, second] of String(text).matchAll(/\/cop ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g)) {
          const command =
            (second ? registry.find([first as string, second]) : undefined) ??
            registry.find([first as string]);
          if (command?.moderator) wrong.push(`${locale} ${key}: /cop ${command.name}`);
        }
    expect(wrong).toEqual([]);
  });
});
