import { describe, expect, it } from "vitest";
import { type Command, registry } from "../src/core/commands/index.ts";
import type { OptionKind } from "../src/core/commands/options.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { validateInvocation } from "../src/core/commands/run.ts";
import { readableText, tokenize } from "../src/core/commands/typed-text.ts";
import { translator } from "../src/core/i18n/index.ts";
import { SLACK_FORMS } from "./support/slack-forms.ts";
import { TRAITS } from "./support/traits.ts";

describe("typed text as Slack sends it", () => {
  const one = (raw: string) => {
    const tokens = tokenize(raw);
    expect(tokens).toHaveLength(1);
    return tokens[0];
  };

  it("reads each escaped form as what it names", () => {
    expect(one("<https://meet.example/cop>")).toEqual({
      kind: "link",
      url: "https://meet.example/cop",
      text: "https://meet.example/cop",
      raw: "<https://meet.example/cop>",
    });
    expect(one("<http://meet.example|meet.example>")).toMatchObject({
      kind: "link",
      url: "http://meet.example",
    });
    expect(one("<mailto:a@b.id|a@b.id>")).toMatchObject({
      kind: "link",
      url: "mailto:a@b.id",
      text: "a@b.id",
    });
    expect(one("<@U0123>")).toMatchObject({ kind: "user", id: "U0123", text: "@U0123" });
    expect(one("<@U0123|ayu>")).toMatchObject({ kind: "user", id: "U0123", text: "@ayu" });
    expect(one("<#C0123|general>")).toMatchObject({ kind: "channel", id: "C0123", text: "#general" });
    expect(one("<#C0123|>")).toMatchObject({ kind: "channel", id: "C0123", text: "#C0123" });
    expect(one("<!subteam^S0123|@guru>")).toMatchObject({ kind: "group", id: "S0123", text: "@guru" });
    expect(one("<!channel>")).toMatchObject({ kind: "special", name: "channel", text: "@channel" });
    expect(one("<!here>")).toMatchObject({ kind: "special", name: "here", text: "@here" });
    expect(one("<!everyone>")).toMatchObject({ kind: "special", name: "everyone", text: "@everyone" });
  });

  it("keeps a link whole when its label holds spaces, and reads it as where it goes", () => {
    expect(tokenize("see <https://evil.example|meet.example/cop today> now").map((t) => t.text)).toEqual([
      "see",
      "https://evil.example",
      "now",
    ]);
  });

  it("decodes entities once, in words, quotes and inside references", () => {
    expect(readableText("rubrik &amp; nilai &lt;b&gt; &amp;lt;")).toBe("rubrik & nilai <b> &lt;");
    expect(tokenize("“Q&amp;A” x&gt;y").map((t) => t.text)).toEqual(["Q&A", "x>y"]);
    expect(readableText("(<https://a.example/?x=1&amp;y=2|a.example>)")).toBe("(https://a.example/?x=1&y=2)");
  });

  it("turns every special and mention into harmless plain text", () => {
    expect(readableText("<!channel> <!here> <!everyone> <!subteam^S1|@guru> <@U1|ayu> <#C1|general>")).toBe(
      "@channel @here @everyone @guru @ayu #general",
    );
    expect(readableText("<!date^1392734382^{date}|Feb 18, 2014>")).toBe("Feb 18, 2014");
  });

  it("leaves what is no reference as typed", () => {
    expect(readableText("a < b > c <3 <foo bar> <@not.an.id>")).toBe("a < b > c <3 <foo bar> <@not.an.id>");
  });
});

/** A typed value for an option that is not the one under test, as Slack would send it. */
function filler(kind: OptionKind, given: Command["example"][string]): string {
  const example = typeof given === "object" ? translator("en")(given.key) : given;
  if (kind === "user") return "<@U0OTHER>";
  if (kind === "channel") return "<#C0OTHER|other>";
  if (kind === "link") return "<https://other.example/>";
  const value = example ?? "x";
  return value.includes(" ") ? `"${value}"` : value;
}

/** Every Slack command with a member, channel or link option (found, not listed: new ones count). */
const cases = registry.forPlatform(TRAITS.slack).flatMap((command: Command) =>
  Object.entries(command.options)
    .filter(([, spec]) => spec.kind === "user" || spec.kind === "channel" || spec.kind === "link")
    .map(([name, spec]) => ({ command, name, kind: spec.kind as keyof typeof SLACK_FORMS })),
);

describe("every command that takes a member, a channel or a link, over Slack's real forms", () => {
  it("finds the commands (the table below is not empty)", () => {
    const names = cases.map((c) => `${c.command.name} ${c.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "kudos member",
        "meeting link link",
        "meeting schedule link",
        "onboarding channel channel",
      ]),
    );
  });

  for (const { command, name, kind } of cases) {
    for (const [form, meaning] of SLACK_FORMS[kind]) {
      it(`/cop ${command.name}: ${name} ${form} means ${meaning}`, () => {
        const words = Object.entries(command.options).map(([other, spec]) =>
          other === name ? form : filler(spec.kind, command.example[other]),
        );
        const invocation = parseCommandText(registry, TRAITS.slack, [...command.path, ...words].join(" "));
        expect(invocation.args[name]).toBe(meaning);
        expect(validateInvocation(registry, TRAITS.slack, invocation).args).toMatchObject({
          [name]: meaning,
        });
      });
    }
  }
});
