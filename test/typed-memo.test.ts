import { describe, expect, it } from "vitest";
import { DISCORD_TRAITS } from "../src/adapters/discord/traits.ts";
import { SLACK_TRAITS } from "../src/adapters/slack/traits.ts";
import { registry } from "../src/core/commands/index.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { validateInvocation } from "../src/core/commands/run.ts";
import { KEPT_TEXTS, parseTypedText } from "../src/core/commands/typed-memo.ts";
import type { Invocation } from "../src/core/commands/types.ts";
import { CommandError } from "../src/core/errors.ts";

const COP = { root: "cop", memberRootTakesModeratorWords: true } as const;
const COPMOD = { root: "copmod" } as const;

/** Every command's words under its root, with and without a sample argument. */
function texts(): string[] {
  const out = [
    "",
    "help",
    "  help  ",
    "help meeting",
    "help moderators",
    "members",
    "kudos <@U1|ayu> terima kasih",
  ];
  for (const command of registry.commands) {
    out.push(command.path.join(" "));
    out.push(`${command.path.join(" ")} x`);
  }
  return out;
}

/** What a parse gives: the invocation, or the CommandError it throws. */
function outcome(parse: () => Invocation): unknown {
  try {
    return { invocation: parse() };
  } catch (error) {
    if (error instanceof CommandError) return { code: error.code, detail: error.detail };
    throw error;
  }
}

describe("typed text kept per isolate: the same invocations as parsing afresh", () => {
  it("for every command word, under both roots, twice", () => {
    for (const where of [COP, COPMOD, undefined]) {
      for (const text of texts()) {
        const fresh = outcome(() => parseCommandText(registry, SLACK_TRAITS, text, where));
        expect(
          outcome(() => parseTypedText(registry, SLACK_TRAITS, text, where)),
          text,
        ).toEqual(fresh);
        expect(
          outcome(() => parseTypedText(registry, SLACK_TRAITS, text, where)),
          text,
        ).toEqual(fresh);
      }
    }
  });

  it("keeps help and read-only commands (frozen, the same object), not a write with arguments nor bad input", () => {
    const help = parseTypedText(registry, SLACK_TRAITS, "help", COP);
    expect(parseTypedText(registry, SLACK_TRAITS, "help", COP)).toBe(help);
    expect(Object.isFrozen(help) && Object.isFrozen(help.args)).toBe(true);
    // Another root is another key.
    const members = parseTypedText(registry, SLACK_TRAITS, "members", COPMOD);
    expect(parseTypedText(registry, SLACK_TRAITS, "members", COPMOD)).toBe(members);
    expect(parseTypedText(registry, SLACK_TRAITS, "members", COP)).not.toBe(members);
    // A write with arguments is parsed afresh every time (its handler gets its own arguments).
    const kudos = parseTypedText(registry, SLACK_TRAITS, "kudos <@U1|ayu> terima kasih", COP);
    expect(parseTypedText(registry, SLACK_TRAITS, "kudos <@U1|ayu> terima kasih", COP)).not.toBe(kudos);
    expect(Object.isFrozen(kudos)).toBe(false);
    // Unknown words throw every time.
    for (let i = 0; i < 2; i++)
      expect(() => parseTypedText(registry, SLACK_TRAITS, "no-such-word", COP)).toThrow(CommandError);
    // Another platform's traits are another memo.
    expect(parseTypedText(registry, DISCORD_TRAITS, "help", COP)).not.toBe(help);
  });

  it("holds at most KEPT_TEXTS texts, dropping the least recently used", () => {
    // Distinct texts that all say `members`: i in binary, spelt with spaces and tabs.
    const spaced = (i: number) => `${i.toString(2).replaceAll("0", " ").replaceAll("1", "\t")} members`;
    const first = parseTypedText(registry, SLACK_TRAITS, "members", COPMOD);
    for (let i = 1; i <= KEPT_TEXTS; i++) {
      parseTypedText(registry, SLACK_TRAITS, spaced(i), COPMOD);
      // Used again: the most recent, so not the one dropped next.
      if (i === 10) expect(parseTypedText(registry, SLACK_TRAITS, "members", COPMOD)).toBe(first);
    }
    expect(parseTypedText(registry, SLACK_TRAITS, "members", COPMOD)).toBe(first);
    for (let i = KEPT_TEXTS + 1; i <= 2 * KEPT_TEXTS; i++)
      parseTypedText(registry, SLACK_TRAITS, spaced(i), COPMOD);
    expect(parseTypedText(registry, SLACK_TRAITS, "members", COPMOD)).not.toBe(first);
  });
});

describe("validated arguments kept: the same as zod's", () => {
  it("for no arguments, per command, frozen; and a kept invocation's", () => {
    const members = registry.find(["members"]);
    const empty = validateInvocation(registry, SLACK_TRAITS, { path: ["help"], args: {} });
    const again = validateInvocation(registry, SLACK_TRAITS, { path: ["help"], args: {} });
    expect(again.args).toBe(empty.args);
    expect(Object.isFrozen(empty.args)).toBe(true);
    expect(empty.args).toEqual(registry.find(["help"])?.schema.parse({}));
    expect(members?.readOnly).toBe(true);
  });

  it("not for a write command's arguments, and never for input zod refuses", () => {
    const kudos = parseCommandText(registry, SLACK_TRAITS, "kudos <@U1|ayu> terima kasih", COP);
    const frozen = Object.freeze({ ...kudos, args: Object.freeze({ ...kudos.args }) });
    const one = validateInvocation(registry, SLACK_TRAITS, frozen);
    const two = validateInvocation(registry, SLACK_TRAITS, frozen);
    expect(two.args).not.toBe(one.args);
    expect(Object.isFrozen(one.args)).toBe(false);
    for (let i = 0; i < 2; i++)
      expect(() =>
        validateInvocation(registry, SLACK_TRAITS, { path: ["help"], args: { command: 5, extra: "x" } }),
      ).toThrow(CommandError);
  });
});
