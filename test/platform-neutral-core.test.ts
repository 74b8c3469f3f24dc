import { describe, expect, it } from "vitest";

/**
 * Core asks a platform's traits (`src/core/platform.ts`); it never compares a platform's id with
 * a name. A `"slack"` or `'discord'` in core is a branch a third platform would silently fall
 * into (it would behave like whichever side of the comparison it landed on), so the source text
 * of every non-test file under src/core and src/features (a feature's folder is core too) is searched here, in each quote style and inside
 * template literals. Comments may name the platforms freely: they explain, they do not decide.
 */
const SOURCES = import.meta.glob(["../src/core/**/*.ts", "../src/features/**/*.ts", "!../src/**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const NAME = "(?:slack|discord)";
/** `"slack"`, `'discord'`, `` `slack` ``, and a template's `` `discord${…}` `` or `` …}slack` `` part. */
const LITERAL = new RegExp(
  [`(["'\`])${NAME}\\1`, `\`${NAME}\\$\\{`, `\\}${NAME}\``, `\\}${NAME}\\$\\{`].join("|"),
  "i",
);

/**
 * The text without comments, lines kept where they were (a block comment keeps its line breaks);
 * `//` counts after a space or at a line start, so `https://` in a string stays.
 */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ""))
    .replace(/(^|\s)\/\/.*$/gm, "$1");
}

/** Each line of `source` holding a platform literal, as `file:line: text`. */
function platformLiterals(file: string, source: string): string[] {
  return code(source)
    .split("\n")
    .flatMap((line, i) => (LITERAL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe("core names no platform", () => {
  it("reads every source file of src/core", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    expect(Object.keys(SOURCES).some((file) => file.endsWith("/core/platform.ts"))).toBe(true);
    expect(Object.keys(SOURCES).some((file) => file.endsWith("/features/index.ts"))).toBe(true);
  });

  it("holds no 'slack' or 'discord' string literal outside tests", () => {
    const found = Object.entries(SOURCES).flatMap(([file, source]) => platformLiterals(file, source));
    expect(found).toEqual([]);
  });

  it("would see one in any quote style or template literal, but not in comments or longer words", () => {
    const seen = (line: string) => platformLiterals("x.ts", line).length > 0;
    for (const line of [
      'if (ctx.platform === "slack") {',
      "const p = 'discord';",
      "platform === `slack` ? a : b",
      // Source text holding a template literal, escaped so the linter does not take it for one.
      `const key = \`discord$\{suffix}\`;`,
      `const key = \`$\{prefix}slack\`;`,
      'platforms: ["Discord"],',
    ])
      expect(seen(line), line).toBe(true);
    for (const line of [
      "// on Slack a modal; 'slack' in a comment explains",
      '/* Discord\'s five fields: "discord" */ const x = 1;',
      't("health.install.slack")',
      'const text = "Slack admins and owners";',
      'const url = "https://slack.com/api"; // "slack"',
    ])
      expect(seen(line), line).toBe(false);
  });
});
