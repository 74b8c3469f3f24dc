import { describe, expect, it } from "vitest";
import english from "../docs/moderator-guide.md?raw";
import indonesian from "../docs/panduan-moderator.md?raw";
import readme from "../README.md?raw";
import { registry } from "../src/core/commands/index.ts";
import { type CommandRoot, isCommandRoot, ROOTS, rootOf } from "../src/core/commands/roots.ts";
import { TRAITS } from "./support/traits.ts";

/**
 * The moderator guides are promises to people who are not developers: every command has an
 * entry under its own root (`/cop` for members, `/copmod` for moderators), moderator-only ones are
 * marked as such, and every `/cop …` or `/copmod …` they mention exists under the root it is typed
 * with. A new command without a guide entry, a renamed one or one that moved root fails here rather
 * than in a moderator's hands. The README's command table and examples are held to the same roots.
 */
const GUIDES = [
  { file: "docs/moderator-guide.md", text: english, moderators: "moderators" },
  { file: "docs/panduan-moderator.md", text: indonesian, moderators: "moderator" },
] as const;

interface Row {
  readonly root: string;
  readonly who: string;
}

/**
 * A document's command tables: `| \`/copmod meeting schedule\` | moderators | … |` → root and who.
 * A row may name alternatives (`/copmod nudges pause\|resume`): each is a command of its own.
 */
function commandRows(text: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const row =
    /^\|\s*`\/(cop|copmod) ([a-z][a-z0-9-]*)((?: [a-z0-9-]+(?:\\\|[a-z0-9-]+)*)?)[^`]*`\s*\|\s*([^|]*?)\s*\|/;
  for (const line of text.split("\n")) {
    const match = row.exec(line);
    if (!match?.[1] || !match[2] || match[4] === undefined) continue;
    const [first, rest] = [match[2], (match[3] ?? "").trim()];
    const subs = rest.split("\\|").filter((sub) => registry.find([first, sub]));
    for (const name of subs.length > 0 ? subs.map((sub) => `${first} ${sub}`) : [first]) {
      if (!rows.has(name)) rows.set(name, { root: match[1], who: match[4] });
    }
  }
  return rows;
}

/**
 * Every command a document types, in prose, tables and examples alike: `/cop <word> [<word>]`,
 * `/copmod …`, and the signing CLI's Discord lines (`"copmod setup"`), with the root typed.
 */
function mentions(text: string): { root: string; words: string[] }[] {
  const typed = /(?<![\w/.-])(?:\/|(?<=["']))(cop|copmod)((?: [a-z][a-z0-9-]*){1,2})(?![\w-])/g;
  return [...text.matchAll(typed)].map((m) => ({
    root: m[1] ?? "",
    words: (m[2] ?? "").trim().split(" "),
  }));
}

/** Why a typed command is wrong (unknown, or under the other root), or undefined when it is right. */
function mistake(root: string, words: readonly string[]): string | undefined {
  if (!isCommandRoot(root)) return `/${root}: no such root`;
  const typed = `/${root} ${words.join(" ")}`;
  // A group word alone counts when the root has that group, even without a default (`/cop nudges`).
  const under = (r: CommandRoot) =>
    (["slack", "discord"] as const).some(
      (p) => registry.resolve(TRAITS[p], words, true, r).kind !== "unknown",
    );
  if (under(root)) return undefined;
  const other = ROOTS.find((r) => r !== root && under(r));
  return other ? `${typed}: belongs under /${other}` : `${typed}: no such command`;
}

function mistakesIn(text: string): string[] {
  const found = mentions(text).map(({ root, words }) => mistake(root, words));
  return [...new Set(found.filter((m): m is string => m !== undefined))];
}

describe.each(GUIDES)("$file", ({ text, moderators }) => {
  const rows = commandRows(text);

  it("has a table row for every command guyub knows", () => {
    const missing = registry.commands.map((c) => c.name).filter((name) => !rows.has(name));
    expect(missing).toEqual([]);
  });

  it(`marks exactly the moderator-only commands "${moderators}"`, () => {
    const wrong = registry.commands
      .filter((c) => rows.has(c.name) && (rows.get(c.name)?.who === moderators) !== c.moderator)
      .map((c) => `${c.name}: ${rows.get(c.name)?.who}`);
    expect(wrong).toEqual([]);
  });

  it("gives every command row its root: /copmod for moderator-only commands, /cop for the rest", () => {
    const wrong = registry.commands
      .filter((c) => rows.has(c.name) && rows.get(c.name)?.root !== rootOf(c))
      .map((c) => `${c.name}: /${rows.get(c.name)?.root}`);
    expect(wrong).toEqual([]);
  });

  it("mentions only commands that exist, each under its own root", () => {
    expect(mistakesIn(text)).toEqual([]);
  });

  it("tells how a server admin grants /copmod on Discord, since guyub cannot", () => {
    expect(text).toMatch(/Integrations/);
    expect(text).toMatch(/`\/copmod`/);
  });
});

describe("README", () => {
  it("links both guides", () => {
    const links = ["docs/moderator-guide.md", "docs/panduan-moderator.md"];
    expect(links.filter((link) => !readme.includes(`](${link})`))).toEqual([]);
  });

  it("gives every command row its root, and types every command under its own root", () => {
    const rows = commandRows(readme);
    const wrongRows = registry.commands
      .filter((c) => rows.has(c.name) && rows.get(c.name)?.root !== rootOf(c))
      .map((c) => `${c.name}: /${rows.get(c.name)?.root}`);
    expect(wrongRows).toEqual([]);
    expect(registry.commands.filter((c) => !rows.has(c.name)).map((c) => c.name)).toEqual([]);
    // The README shows what an unknown command answers, with a word that is not one.
    expect(mistakesIn(readme)).toEqual(["/cop dance: no such command"]);
  });
});

describe("the check itself", () => {
  it("catches a moderator command under /cop and a member command under /copmod", () => {
    expect(mistakesIn("Type `/cop onboarding welcome Hi` or `/copmod meeting next`.")).toEqual([
      "/cop onboarding welcome: belongs under /copmod",
      "/copmod meeting next: belongs under /cop",
    ]);
    expect(mistakesIn('npm run sign -- discord "cop setup" --moderator')).toEqual([
      "/cop setup: belongs under /copmod",
    ]);
    const rows = commandRows("| `/cop language en\\|id` | moderators | x | y |");
    expect(rows.get("language")).toEqual({ root: "cop", who: "moderators" });
  });
});
