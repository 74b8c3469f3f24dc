import { describe, expect, it } from "vitest";
import { discordCommandPlace } from "../src/adapters/discord/command-place.ts";
import { interactionPayload } from "../src/adapters/discord/payloads.ts";
import { quickInteraction } from "../src/adapters/discord/quick-payload.ts";
import { slashCommandPayload } from "../src/adapters/slack/payloads.ts";
import { quickSlashCommand } from "../src/adapters/slack/quick-payload.ts";

/** The quick checks say yes only where zod does, with zod's output; else they leave it to zod. */
type Value = unknown;
const DELETE = Symbol("delete");

function withValue(base: object, path: string[], value: Value): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== "object" || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return copy;
}

const long = (n: number, c = "a") => c.repeat(n);
const ANY: Value[] = [
  DELETE,
  null,
  "",
  "0",
  "123",
  "abc",
  0,
  1,
  2.5,
  -1,
  6,
  true,
  [],
  {},
  JSON.parse("1e400"),
];

function compare(
  cases: unknown[],
  quick: (v: never) => unknown,
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
) {
  let quickYes = 0;
  for (const value of cases) {
    const fast = quick(value as never);
    const zod = schema.safeParse(value);
    if (fast !== undefined) {
      quickYes++;
      expect(zod.success, JSON.stringify(value)).toBe(true);
      expect(fast, JSON.stringify(value)).toStrictEqual(zod.data);
    }
  }
  return quickYes;
}

const INTERACTION = {
  id: "400000000000000001",
  type: 2,
  application_id: "500000000000000001",
  token: "interaction-token",
  guild_id: "200000000000000001",
  guild_locale: "en-US",
  locale: "id",
  member: {
    user: { id: "300000000000000001", username: "ayu", global_name: null },
    permissions: "8",
    roles: ["600000000000000001"],
    nick: null,
    extra: { kept: true },
  },
  data: {
    id: "1",
    name: "cop",
    type: 1,
    options: [{ type: 1, name: "help", options: [{ type: 3, name: "word", value: "kudos", focused: true }] }],
  },
  app_permissions: "0",
};

describe("Discord: quickInteraction ⊆ interactionPayload", () => {
  it("takes the common interaction (the fast path is used) with zod's output", () => {
    expect(compare([INTERACTION], quickInteraction, interactionPayload)).toBe(1);
    // Options keep only their four fields (zod's object strips `focused`), roles default to [].
    const noRoles = withValue(INTERACTION, ["member", "roles"], DELETE);
    expect(compare([noRoles], quickInteraction, interactionPayload)).toBe(1);
  });

  it("never says yes where zod says no, nor with another output, field by field", () => {
    const paths = [
      ["id"],
      ["type"],
      ["application_id"],
      ["token"],
      ["guild_id"],
      ["guild_locale"],
      ["locale"],
      ["member"],
      ["member", "user"],
      ["member", "user", "id"],
      ["member", "user", "username"],
      ["member", "user", "global_name"],
      ["member", "permissions"],
      ["member", "roles"],
      ["member", "nick"],
      ["user"],
      ["user", "id"],
      ["user", "global_name"],
      ["data"],
      ["data", "name"],
      ["data", "custom_id"],
      ["data", "options"],
      ["data", "options", "0", "name"],
      ["data", "options", "0", "type"],
      ["data", "options", "0", "value"],
      ["data", "options", "0", "options"],
      ["data", "options", "0", "options", "0", "value"],
    ];
    const special: Value[] = [
      long(16),
      long(17),
      long(32),
      long(33),
      long(64),
      long(65),
      long(100),
      long(101),
      long(1000),
      long(1001),
      long(6000),
      long(6001),
      long(20, "9"),
      long(21, "9"),
      long(40, "9"),
      long(41, "9"),
      "12a",
      " 1",
      [long(20, "1")],
      ["x"],
      Array.from({ length: 1000 }, () => "1"),
      Array.from({ length: 1001 }, () => "1"),
      Array.from({ length: 25 }, () => ({ name: "a", type: 3 })),
      Array.from({ length: 26 }, () => ({ name: "a", type: 3 })),
      [{ name: "a", type: 1.5 }],
      [{ name: "a", type: 3, value: null }],
      [{ name: "a", type: 3, value: JSON.parse("1e400") }],
      [{ name: long(33), type: 3 }],
      { id: "1" },
      { id: "1", username: null },
      { user: { id: "1" } },
      { user: { id: "1" }, roles: null },
    ];
    const cases: unknown[] = [null, [], "x", 1, {}];
    for (const path of paths)
      for (const value of [...ANY, ...special]) cases.push(withValue(INTERACTION, path, value));
    expect(compare(cases, quickInteraction, interactionPayload)).toBeGreaterThan(100);
  });
});

const FORM: Record<string, string> = {
  token: "legacy",
  team_id: "T0GUYUB01",
  team_domain: "guru",
  channel_id: "C0GENERAL",
  channel_name: "general",
  user_id: "U0MEMBER",
  user_name: "ayu",
  command: "/cop",
  text: "help",
  api_app_id: "A0GUYUB",
  response_url: "https://hooks.slack.com/commands/T0GUYUB01/123/abcDEF",
  trigger_id: "123.456.abc",
};

describe("Slack: quickSlashCommand ⊆ slashCommandPayload", () => {
  it("takes the common form (the fast path is used) with zod's output", () => {
    expect(compare([FORM, { ...FORM, text: undefined }], quickSlashCommand, slashCommandPayload)).toBe(2);
  });

  it("never says yes where zod says no, nor with another output, field by field", () => {
    const urls = [
      "http://127.0.0.1:8787/slack/response/x",
      "https://hooks.slack.com",
      "https://hooks.slack.com/",
      "https://hooks.slack.com:65535/a",
      "https://hooks.slack.com:65536/a",
      "https://999.1.1.1/a",
      "https://1.2.3.4.5/a",
      "https://256.0.0.1/a",
      "https://0x7f/a",
      "https://a..b/a",
      "https://-a.com/a",
      "https://xn--zz.com/a",
      "https://xn--bcher-kva.example/a",
      "https://a.com/%zz",
      "https://a.com/a b",
      " https://a.com/a",
      "https://a.com/a\n",
      "HTTPS://a.com/a",
      "ftp://a.com/a",
      "https:/a.com/a",
      "http:a.com",
      "https://a.com?x=1",
      "https://user@a.com/a",
      "https://[::1]/a",
      "https://a.com./a",
      "https://1/a",
      "https://a.1/a",
    ];
    const fields = [
      "command",
      "text",
      "team_id",
      "team_domain",
      "user_id",
      "user_name",
      "channel_id",
      "trigger_id",
    ];
    const values = [
      undefined,
      "",
      "/cop",
      "/cop-dev",
      "/cop mod",
      "cop",
      `/${long(32)}`,
      `/${long(33)}`,
      "U0MEMBER",
      "u0member",
      long(32, "A"),
      long(33, "A"),
      long(255),
      long(256),
    ];
    const cases: Record<string, unknown>[] = [];
    for (const url of [...urls, undefined]) cases.push({ ...FORM, response_url: url });
    for (const field of fields) for (const value of values) cases.push({ ...FORM, [field]: value });
    const clean = cases.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
    expect(compare(clean, quickSlashCommand, slashCommandPayload)).toBeGreaterThan(20);
  });
});

describe("Discord: where a command was used (discordCommandPlace)", () => {
  it("reads the channel and resolved users as the schema does, unusual payloads included", async () => {
    const place = (value: unknown) => discordCommandPlace(value);
    expect(place({ channel_id: "700000000000000001", data: { name: "cop" } }).channelId).toBe(
      "700000000000000001",
    );
    expect(place({ data: { name: "cop" } }).channelId).toBeNull();
    // A malformed channel id makes the whole payload unreadable: nothing is guessed.
    expect(place({ channel_id: "general", data: {} }).channelId).toBeNull();
    expect(place({ channel_id: "700000000000000001", data: "x" }).channelId).toBeNull();
    const resolved = place({
      channel_id: "700000000000000001",
      data: { resolved: { users: { "800000000000000001": { bot: true }, "800000000000000002": {} } } },
    });
    expect(resolved.channelId).toBe("700000000000000001");
    expect(await resolved.isBot("800000000000000001")).toBe(true);
    expect(await resolved.isBot("800000000000000002")).toBe(false);
    expect(await resolved.isBot("800000000000000003")).toBeNull();
  });
});
