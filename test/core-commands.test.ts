import { describe, expect, it } from "vitest";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { defineCommand } from "../src/core/commands/define.ts";
import { registry } from "../src/core/commands/index.ts";
import { option } from "../src/core/commands/options.ts";
import { parseCommandText, tokenize } from "../src/core/commands/parse-text.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { CommandError } from "../src/core/errors.ts";
import { en } from "../src/core/i18n/en.ts";
import { id } from "../src/core/i18n/id.ts";
import { translator } from "../src/core/i18n/index.ts";
import { TRAITS } from "./support/traits.ts";

const noop = defineCommand({
  path: ["x"],
  summary: "cmd.help",
  options: {},
  moderator: false,
  example: {},
  handle: () => ({ message: { blocks: [], visibility: "ephemeral" } }),
});
const withPath = (path: [string] | [string, string]) => ({ ...noop, path, name: path.join(" ") });

describe("command registry", () => {
  it("refuses a word that is both a command and a group", () => {
    expect(() =>
      createRegistry([withPath(["topic"]), withPath(["topic", "suggest"])], { topic: "cmd.help" }),
    ).toThrow(/both a command and a group/);
  });

  it("allows a word as a command under one root and a group under the other, each typed root deciding", () => {
    const tree = createRegistry(
      [withPath(["report"]), { ...withPath(["report", "channel"]), moderator: true }],
      { report: "cmd.help" },
    );
    const named = (words: string[], root?: "cop" | "copmod") => {
      const found = tree.resolve(TRAITS.slack, words, true, root);
      return found.kind === "command" ? found.command.name : found.kind;
    };
    expect(named(["report", "channel", "#x"], "cop")).toBe("report");
    expect(named(["report", "channel", "#x"], "copmod")).toBe("report channel");
    expect(named(["report"], "copmod")).toBe("incomplete");
    // Without a root (help's lookup): the group's subcommand, else the single command.
    expect(named(["report", "channel"])).toBe("report channel");
    expect(named(["report", "he", "shouted"])).toBe("report");
    expect(() =>
      createRegistry([withPath(["report"]), withPath(["report", "channel"])], { report: "cmd.help" }),
    ).toThrow(/both a command and a group under \/cop/);
  });

  it("refuses words Discord would refuse and duplicate paths", () => {
    expect(() => createRegistry([withPath(["Topic"])], {})).toThrow(/bad word/);
    expect(() => createRegistry([withPath(["a"]), withPath(["a"])], {})).toThrow(/defined twice/);
  });

  it("resolves groups, defaults and unknown words", () => {
    expect(registry.resolve(TRAITS.slack, ["moderators"], true)).toMatchObject({
      kind: "command",
      consumed: 1,
    });
    expect(registry.resolve(TRAITS.discord, ["moderators"], false)).toMatchObject({ kind: "incomplete" });
    expect(registry.resolve(TRAITS.slack, ["moderators", "role"], true)).toMatchObject({ kind: "unknown" });
    expect(registry.resolve(TRAITS.discord, ["moderators", "role"], true)).toMatchObject({ kind: "command" });
  });
});

describe("typed text", () => {
  it("tokenizes quotes, smart quotes and mentions", () => {
    expect(tokenize(`topic "Assessment rubrics" “Ujian akhir” <@U12|ayu> <@&99> <#C1|general>`)).toEqual([
      { kind: "word", text: "topic", raw: "topic" },
      { kind: "word", text: "Assessment rubrics", raw: "Assessment rubrics" },
      { kind: "word", text: "Ujian akhir", raw: "Ujian akhir" },
      { kind: "user", id: "U12", text: "@ayu", raw: "<@U12|ayu>" },
      { kind: "role", id: "99", text: "@99", raw: "<@&99>" },
      { kind: "channel", id: "C1", text: "#general", raw: "<#C1|general>" },
    ]);
  });

  it("maps words to options and rejects leftovers", () => {
    expect(parseCommandText(registry, TRAITS.slack, "LANGUAGE ID")).toEqual({
      path: ["language"],
      args: { language: "id" },
    });
    expect(parseCommandText(registry, TRAITS.slack, "help moderators add")).toEqual({
      path: ["help"],
      args: { command: "moderators add" },
    });
    expect(() => parseCommandText(registry, TRAITS.slack, "language id en")).toThrow(CommandError);
  });
});

describe("Discord registration", () => {
  it("mirrors the Slack words as subcommands and groups under two roots, servers only, localized", () => {
    const [cop, copmod, ...more] = discordCommandDefinitions(registry);
    expect(more).toEqual([]);
    expect(cop?.name).toBe("cop");
    expect(copmod?.name).toBe("copmod");
    for (const root of [cop, copmod]) {
      expect(root?.contexts).toEqual([0]);
      expect(root?.integration_types).toEqual([0]);
    }
    // Members never see /copmod in the picker: Manage Server, as Discord's string bit set.
    expect(copmod?.default_member_permissions).toBe("32");
    expect(cop && "default_member_permissions" in cop).toBe(false);
    const names = (root: typeof cop) => root?.options.map((o) => `${o.type}:${o.name}`);
    expect(names(cop)).toEqual([
      "1:help",
      "2:profile",
      "1:whoknows",
      "1:kudos",
      "1:join",
      "1:leave",
      "2:nudges",
      "2:meeting",
      "2:holiday",
      "2:rotation",
      "2:topic",
      "1:search",
      "1:report",
      "1:conduct",
    ]);
    expect(names(copmod)).toEqual([
      "1:setup",
      "1:language",
      "2:moderators",
      "2:delivery",
      "1:members",
      "2:onboarding",
      "2:nudges",
      "2:digest",
      "1:timezone",
      "2:meeting",
      "2:holiday",
      "2:rotation",
      "2:topic",
      "2:audit",
      "2:report",
      "1:dashboard",
    ]);
    type Node = { name: string; options?: Node[] };
    const subs = (root: typeof cop, word: string) =>
      ((root?.options ?? []) as Node[]).find((o) => o.name === word)?.options?.map((o) => o.name);
    expect(subs(copmod, "moderators")).toEqual(["list", "add", "remove", "role"]);
    // A word with both kinds: each root holds its own subcommands (`meeting done` stays with members).
    expect(subs(cop, "meeting")).toEqual(["next", "list", "rsvp", "done", "note", "resource", "action"]);
    expect(subs(copmod, "meeting")).toEqual(["schedule", "link", "cancel", "move", "announce", "reminders"]);
    expect(subs(cop, "nudges")).toEqual(["off", "on", "snooze"]);
    expect(cop?.description_localizations.id).toBe(id["cmd.root"]);
    expect(copmod?.description_localizations.id).toBe(id["cmd.rootModerator"]);
  });

  it("keeps every description within Discord's 1–100 characters", () => {
    const descriptions: string[] = [];
    const walk = (node: {
      description?: string;
      description_localizations?: { id: string };
      options?: unknown[];
    }) => {
      if (node.description !== undefined)
        descriptions.push(node.description, node.description_localizations?.id ?? "");
      for (const child of node.options ?? []) walk(child as typeof node);
    };
    for (const command of discordCommandDefinitions(registry)) walk(command);
    for (const text of descriptions) expect(text.length).toBeGreaterThan(0);
    for (const text of descriptions) expect(text.length).toBeLessThanOrEqual(100);
  });
});

describe("i18n catalog", () => {
  it("uses the same placeholders in English and Bahasa Indonesia", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(id[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("fills placeholders, with inline pieces for rich text", () => {
    expect(translator("id")("languageSet.done", { language: "English" })).toBe(
      "Baik, guyub kini memakai English di komunitas ini.",
    );
    expect(translator("en").rich("moderators.added", { member: { user: "U1" } })).toEqual([
      { user: "U1" },
      " is now a moderator of this community.",
    ]);
  });
});

describe("option schemas", () => {
  it("derives a zod schema that rejects unknown choices", () => {
    const cmd = defineCommand({
      ...noop,
      path: ["y"],
      options: { language: option.choice(["en", "id"], "arg.language", "arg.language.help") },
    });
    expect(cmd.schema.safeParse({ language: "id" }).success).toBe(true);
    expect(cmd.schema.safeParse({ language: "fr" }).success).toBe(false);
    expect(cmd.schema.safeParse({ language: "id", extra: 1 }).success).toBe(false);
  });
});
