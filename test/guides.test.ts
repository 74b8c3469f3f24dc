import { describe, expect, it } from "vitest";
import english from "../docs/moderator-guide.md?raw";
import indonesian from "../docs/panduan-moderator.md?raw";
import readme from "../README.md?raw";
import { registry } from "../src/core/commands/index.ts";
import { TRAITS } from "./support/traits.ts";

/**
 * The moderator guides are promises to people who are not developers: every command has an
 * entry, moderator-only ones are marked as such, and every `/cop …` they mention exists. A new
 * command without a guide entry, or a renamed one, fails here rather than in a moderator's hands.
 */
const GUIDES = [
  { file: "docs/moderator-guide.md", text: english, moderators: "moderators" },
  { file: "docs/panduan-moderator.md", text: indonesian, moderators: "moderator" },
] as const;

/** A guide's command tables: `| \`/cop meeting schedule\` | moderators | … |` → who may use it. */
function commandRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\|\s*`\/cop ([a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?)`\s*\|\s*([^|]*?)\s*\|/.exec(line);
    if (match?.[1] && match[2] !== undefined && !rows.has(match[1])) rows.set(match[1], match[2]);
  }
  return rows;
}

/** Every `/cop <word> [<word>]` a guide mentions, in prose, tables and examples alike. */
function mentions(text: string): string[] {
  return [...text.matchAll(/\/cop((?: [a-z][a-z0-9-]*){1,2})/g)].map((m) => (m[1] ?? "").trim());
}

describe.each(GUIDES)("$file", ({ text, moderators }) => {
  const rows = commandRows(text);

  it("has a table row for every command guyub knows", () => {
    const missing = registry.commands.map((c) => c.name).filter((name) => !rows.has(name));
    expect(missing).toEqual([]);
  });

  it(`marks exactly the moderator-only commands "${moderators}"`, () => {
    const wrong = registry.commands
      .filter((c) => rows.has(c.name) && (rows.get(c.name) === moderators) !== c.moderator)
      .map((c) => `${c.name}: ${rows.get(c.name)}`);
    expect(wrong).toEqual([]);
  });

  it("mentions only commands that exist", () => {
    const unknown = mentions(text).filter((mention) => {
      const words = mention.split(" ");
      const known = (["slack", "discord"] as const).some(
        (platform) => registry.resolve(TRAITS[platform], words, true).kind === "command",
      );
      return !known;
    });
    expect([...new Set(unknown)]).toEqual([]);
  });
});

describe("README", () => {
  it("links both guides", () => {
    const links = ["docs/moderator-guide.md", "docs/panduan-moderator.md"];
    expect(links.filter((link) => !readme.includes(`](${link})`))).toEqual([]);
  });
});
