import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { registry } from "../src/core/commands/index.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { validateInvocation } from "../src/core/commands/run.ts";
import { formatExample, formatUsage } from "../src/core/commands/syntax.ts";
import { en as catalogEn } from "../src/core/i18n/en.ts";
import { id as catalogId } from "../src/core/i18n/id.ts";
import { translator } from "../src/core/i18n/index.ts";
import { canonicalTimeZone } from "../src/features/meetings/parse.ts";
import { resetDb } from "./support/db.ts";
import { commandBody, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { TRAITS } from "./support/traits.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const args = (text: string) =>
  validateInvocation(registry, TRAITS.slack, parseCommandText(registry, TRAITS.slack, text)).args;

describe("the words an Indonesian moderator types", () => {
  it.each([
    ["meeting rsvp hadir", { answer: "yes" }],
    ["meeting rsvp Ya", { answer: "yes" }],
    ["meeting rsvp mungkin", { answer: "maybe" }],
    ["meeting rsvp tidak", { answer: "no" }],
    ["meeting rsvp yes", { answer: "yes" }],
    ["meeting schedule mingguan selasa 19.00", { cadence: "weekly" }],
    ["meeting schedule dua-mingguan selasa 19.00", { cadence: "biweekly" }],
    ["meeting schedule bulanan selasa 19.00", { cadence: "monthly" }],
    ["meeting reminders aktif", { reminders: "on" }],
    ["meeting reminders nonaktif", { reminders: "off" }],
    ["meeting reminders 24h", { reminders: "24h" }],
    ["rotation mode semua", { mode: "everyone" }],
    ["rotation mode sukarela", { mode: "volunteers" }],
  ])("/cop %s means %o", (text, expected) => {
    expect(args(text)).toMatchObject(expected);
  });

  it("refuses what is no answer in either language", () => {
    expect(() => args("meeting rsvp perhaps")).toThrow();
    expect(() => args("rotation mode sebagian")).toThrow();
  });

  it("help shows the community's language's words, and examples in it", () => {
    const rsvp = registry.find(["meeting", "rsvp"]);
    const schedule = registry.find(["meeting", "schedule"]);
    if (!rsvp || !schedule) throw new Error("commands missing");
    const slack = { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false };
    const [id, en] = [translator("id"), translator("en")];
    expect(formatUsage(rsvp, slack, id)).toBe("/cop meeting rsvp <hadir|mungkin|tidak>");
    expect(formatUsage(rsvp, slack, en)).toBe("/cop meeting rsvp <yes|maybe|no>");
    expect(formatExample(rsvp, slack, id)).toBe("/cop meeting rsvp hadir");
    expect(formatExample(schedule, slack, id)).toBe(
      "/copmod meeting schedule mingguan selasa 19.00 60 https://meet.example/cop",
    );
    expect(formatExample(schedule, slack, en)).toBe(
      "/copmod meeting schedule weekly tue 19:00 60 https://meet.example/cop",
    );
  });

  it("no Indonesian example shows an English one (Large classes, #general, …)", () => {
    // Every `example.*` key, wherever its feature keeps it.
    const english = Object.entries(catalogEn)
      .filter(
        ([key, text]) => key.startsWith("example.") && catalogId[key as keyof typeof catalogEn] !== text,
      )
      .map(([, text]) => text);
    const id = translator("id");
    for (const syntax of [
      { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
      { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: true },
    ]) {
      const shown = registry.commands.map(
        (c) => `${formatUsage(c, syntax, id)} ${formatExample(c, syntax, id)}`,
      );
      for (const text of english) expect(shown.filter((line) => line.includes(text))).toEqual([]);
    }
    expect(english).toEqual(
      expect.arrayContaining(["Large classes", "#general", "for sharing her assessment rubric"]),
    );
  });

  it.each([
    ["nudges nonaktif", "nudges.off"],
    ["nudges aktif", "nudges.on"],
    ["digest NONAKTIF", "digest.off"],
    ["digest aktif", "digest.on"],
    ["digest on", "digest.on"],
  ])("/cop %s is %s (on/off typed in Indonesian)", (text, name) => {
    expect(parseCommandText(registry, TRAITS.slack, text).path.join(".")).toBe(name);
  });

  it("Discord: on/off subcommands carry their Indonesian name, the name sent unchanged", () => {
    const [cop, copmod] = discordCommandDefinitions(registry);
    type Node = { name: string; name_localizations?: { id: string }; options?: Node[] };
    for (const [root, group] of [
      [cop, "nudges"],
      [copmod, "digest"],
    ] as const) {
      const subs = (root as Node).options?.find((n) => n.name === group)?.options ?? [];
      expect(subs.find((n) => n.name === "on")?.name_localizations).toEqual({ id: "aktif" });
      expect(subs.find((n) => n.name === "off")?.name_localizations).toEqual({ id: "nonaktif" });
    }
  });

  it("Discord: choices carry their Indonesian name, values unchanged", () => {
    const [cop, copmod] = discordCommandDefinitions(registry);
    type Node = {
      name: string;
      options?: Node[];
      choices?: { name: string; name_localizations?: { id: string }; value: string }[];
    };
    const find = (nodes: Node[] | undefined, ...path: string[]): Node | undefined => {
      const [head, ...rest] = path;
      const node = nodes?.find((n) => n.name === head);
      return rest.length === 0 ? node : find(node?.options, ...rest);
    };
    // Members' choices under /cop, moderators' under /copmod.
    const choices = (...path: string[]) =>
      (find((cop as Node).options, ...path) ?? find((copmod as Node).options, ...path))?.choices;
    expect(choices("meeting", "rsvp", "answer")).toEqual([
      { name: "yes", name_localizations: { id: "hadir" }, value: "yes" },
      { name: "maybe", name_localizations: { id: "mungkin" }, value: "maybe" },
      { name: "no", name_localizations: { id: "tidak" }, value: "no" },
    ]);
    expect(
      choices("meeting", "schedule", "cadence")?.map((c) => [c.value, c.name_localizations?.id]),
    ).toEqual([
      ["weekly", "mingguan"],
      ["biweekly", "dua-mingguan"],
      ["monthly", "bulanan"],
    ]);
    expect(
      choices("meeting", "reminders", "reminders")?.map((c) => c.name_localizations?.id ?? c.name),
    ).toEqual(["aktif", "nonaktif", "24h", "1h"]);
    expect(choices("rotation", "mode", "mode")?.map((c) => [c.value, c.name_localizations?.id])).toEqual([
      ["everyone", "semua"],
      ["volunteers", "sukarela"],
    ]);
  });

  it("WIB, WITA and WIT are Indonesia's zones", () => {
    expect(["WIB", "wita", " Wit "].map(canonicalTimeZone)).toEqual([
      "Asia/Jakarta",
      "Asia/Makassar",
      "Asia/Jayapura",
    ]);
    expect(canonicalTimeZone("WIBX")).toBeNull();
  });
});

describe("in a running worker", () => {
  const NOW = new Date("2027-02-24T03:00:00Z");
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  const ask = async (text: string) =>
    replyText(
      (await (
        await send(
          await signedSlack("/slack/commands", commandBody(text, { user_id: MODERATOR }), {
            timestamp: NOW.getTime() / 1000,
          }),
        )
      ).json()) as { text?: string },
    );
  const zone = async () =>
    (await env.DB.prepare("SELECT timezone FROM communities").first<{ timezone: string }>())?.timezone;

  beforeEach(async () => {
    await resetDb();
    await resetStandins();
  });

  it("/copmod timezone WIB sets Asia/Jakarta and says so; WITA in Indonesian names Asia/Makassar", async () => {
    expect(await ask("timezone WIB")).toContain("now WIB (Asia/Jakarta)");
    expect(await zone()).toBe("Asia/Jakarta");
    await ask("language id");
    expect(await ask("timezone wita")).toContain("Zona waktu komunitas kini WITA (Asia/Makassar)");
    expect(await zone()).toBe("Asia/Makassar");
  });

  it("an Indonesian community's errors and help show Indonesian words and examples", async () => {
    await ask("language id");
    const refused = await ask("meeting rsvp perhaps");
    // Slack escapes the brackets: &lt;hadir|mungkin|tidak&gt;.
    expect(refused).toContain("/cop meeting rsvp &lt;hadir|mungkin|tidak&gt;");
    expect(refused).toContain("Contoh: /cop meeting rsvp hadir");
    const help = await ask("help topic suggest");
    expect(help).toContain("Kelas besar");
    expect(help).not.toContain("Large classes");
    expect(await ask("help onboarding channel")).toContain("/copmod onboarding channel #umum");
    expect(await ask("help kudos")).toContain("sudah berbagi rubrik penilaiannya");
  });
});
