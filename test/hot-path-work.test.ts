import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QUICK_TURNS, withinDeadline } from "../src/adapters/deadline.ts";
import { jsonText, sharedRender } from "../src/adapters/shared-render.ts";
import { cachedPage } from "../src/core/commands/help-cache.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { translator } from "../src/core/i18n/index.ts";
import { localDay } from "../src/core/local-time.ts";
import { ephemeral, type Message } from "../src/core/message.ts";
import { resetDb } from "./support/db.ts";
import { commandInteraction, signedDiscord, sub } from "./support/discord.ts";
import { MEMBER, MODERATOR, replyText, slashCommand } from "./support/slack.ts";
import { TRAITS } from "./support/traits.ts";
import { isolate, resetStandins, type send } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** What the work the hot path skips must never change: the answers themselves. */
describe("repeated /cop help: the same answer as a fresh isolate's, byte for byte", () => {
  it("on Slack and on Discord, content type included", async () => {
    const slack = async (sender: typeof send) => {
      const response = await sender(await slashCommand("help"));
      return { type: response.headers.get("content-type"), text: await response.text() };
    };
    const discord = async (sender: typeof send) => {
      const response = await sender(await signedDiscord(commandInteraction([sub("help")])));
      return { type: response.headers.get("content-type"), text: await response.text() };
    };
    const warm = isolate();
    const firstSlack = await slack(warm);
    const firstDiscord = await discord(warm);
    expect(firstSlack.type).toBe("application/json");
    expect(firstDiscord.type).toBe("application/json");
    expect(firstSlack.text).toContain("guyub: what you can do");
    for (let i = 0; i < 3; i++) {
      expect(await slack(warm)).toEqual(firstSlack);
      expect(await discord(warm)).toEqual(firstDiscord);
    }
    expect(await slack(isolate())).toEqual(firstSlack);
    expect(await discord(isolate())).toEqual(firstDiscord);
  });
});

describe("help pages are built once per page, language, platform and prefix", () => {
  const ownRegistry = createRegistry([], {});
  const ctx = (
    over: Partial<{ platform: "slack" | "discord"; locale: "en" | "id"; prefix: string }> = {},
  ) => ({
    // A registry of its own: these made-up pages must not stand in for guyub's real ones.
    registry: ownRegistry,
    platform: over.platform ?? ("slack" as const),
    traits: TRAITS[over.platform ?? "slack"],
    t: translator(over.locale ?? "en"),
    syntax: {
      prefix: over.prefix ?? "/cop",
      moderatorPrefix: `${over.prefix ?? "/cop"}mod`,
      namedOptions: false,
    },
  });
  const page = (text: string) => () => ephemeral({ type: "text", text });

  it("keeps a page, and keeps pages for other inputs apart", () => {
    const first = cachedPage(ctx(), "index member", page("a"));
    expect(cachedPage(ctx(), "index member", page("b"))).toBe(first);
    expect(cachedPage(ctx(), "index moderator", page("c")).blocks[0]).toMatchObject({ text: "c" });
    expect(cachedPage(ctx({ locale: "id" }), "index member", page("d")).blocks[0]).toMatchObject({
      text: "d",
    });
    expect(cachedPage(ctx({ platform: "discord" }), "index member", page("e")).blocks[0]).toMatchObject({
      text: "e",
    });
    expect(cachedPage(ctx({ prefix: "/cop-dev" }), "index member", page("f")).blocks[0]).toMatchObject({
      text: "f",
    });
  });

  it("freezes a kept page: changing it in place throws instead of leaking into the next reply", () => {
    const kept = cachedPage(ctx(), "frozen test", page("x")) as unknown as {
      blocks: Array<{ text: string }>;
    };
    expect(() => {
      (kept.blocks[0] as { text: string }).text = "changed";
    }).toThrow(TypeError);
    expect(() => kept.blocks.push({ text: "more" })).toThrow(TypeError);
  });

  it("never hands a member the moderator's kept index, nor the other way round (one isolate)", async () => {
    const warm = isolate();
    const index = async (user: string) =>
      replyText((await (await warm(await slashCommand("help", { user_id: user }))).json()) as object);
    for (let i = 0; i < 2; i++) {
      expect(await index(MODERATOR)).toContain("For moderators");
      expect(await index(MEMBER)).not.toContain("For moderators");
    }
  });
});

describe("translators", () => {
  it("are one per locale, frozen", () => {
    expect(translator("id")).toBe(translator("id"));
    expect(translator("en")).not.toBe(translator("id"));
    expect(translator("id").locale).toBe("id");
    expect(Object.isFrozen(translator("en"))).toBe(true);
  });
});

describe("localDay reuses a day only within one UTC minute", () => {
  it("turns at local midnight to the millisecond, forwards and backwards", () => {
    // Jakarta is UTC+7: its midnight is 17:00 UTC.
    const before = new Date("2026-11-28T16:59:59.999Z");
    const after = new Date("2026-11-28T17:00:00.000Z");
    expect(localDay(before, "Asia/Jakarta")).toBe("2026-11-28");
    expect(localDay(after, "Asia/Jakarta")).toBe("2026-11-29");
    expect(localDay(before, "Asia/Jakarta")).toBe("2026-11-28");
    // A zone a quarter hour off the hour (Nepal, UTC+5:45): midnight is 18:15 UTC.
    expect(localDay(new Date("2026-11-28T18:14:59.999Z"), "Asia/Kathmandu")).toBe("2026-11-28");
    expect(localDay(new Date("2026-11-28T18:15:00.000Z"), "Asia/Kathmandu")).toBe("2026-11-29");
  });

  it("formats once per zone and minute", () => {
    // `format` is a getter on the prototype: each formatting reads it once.
    const proto = Intl.DateTimeFormat.prototype as unknown as { readonly format: unknown };
    const format = vi.spyOn(proto, "format", "get");
    const at = new Date("2026-11-30T03:00:10Z");
    localDay(at, "Asia/Makassar");
    localDay(new Date(at.getTime() + 40_000), "Asia/Makassar");
    expect(format).toHaveBeenCalledTimes(1);
    localDay(new Date(at.getTime() + 60_000), "Asia/Makassar");
    expect(format).toHaveBeenCalledTimes(2);
  });
});

describe("withinDeadline", () => {
  it("sets no timer for an answer that is ready without I/O", async () => {
    const timers = vi.spyOn(globalThis, "setTimeout");
    const chain = async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      return "ready";
    };
    expect(await withinDeadline(chain(), 2000)).toEqual({ done: true, value: "ready" });
    expect(timers).not.toHaveBeenCalled();
  });

  it("still gives up at the deadline on work that waits (the follow-up path)", async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 200));
    expect(await withinDeadline(slow, 20)).toEqual({ done: false });
    const quick = new Promise<string>((resolve) => setTimeout(() => resolve("soon"), 5));
    expect(await withinDeadline(quick, 2000)).toEqual({ done: true, value: "soon" });
  });

  it("passes a failure on, whether quick or after the turns", async () => {
    await expect(withinDeadline(Promise.reject(new Error("boom")), 2000)).rejects.toThrow("boom");
    const later = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("later")), 5));
    await expect(withinDeadline(later, 2000)).rejects.toThrow("later");
    expect(QUICK_TURNS).toBeGreaterThan(0);
  });

  it("with no time at all, always takes the follow-up path", async () => {
    expect(await withinDeadline(Promise.resolve(1), 0)).toEqual({ done: false });
  });
});

describe("sharedRender and jsonText", () => {
  it("render and serialise a frozen message once, anything else every time", () => {
    let calls = 0;
    const render = sharedRender((message: Message) => {
      calls++;
      return { blocks: message.blocks.length };
    });
    const loose = ephemeral({ type: "text", text: "loose" });
    expect(render(loose)).not.toBe(render(loose));
    expect(calls).toBe(2);
    const shared = Object.freeze(ephemeral({ type: "text", text: "shared" }));
    const once = render(shared);
    expect(render(shared)).toBe(once);
    expect(calls).toBe(3);
    expect(Object.isFrozen(once)).toBe(true);
    expect(jsonText(once)).toBe(JSON.stringify(once));
    expect(jsonText(once)).toBe(jsonText(once));
    const open = { a: 1 };
    expect(jsonText(open)).toBe('{"a":1}');
    open.a = 2;
    expect(jsonText(open)).toBe('{"a":2}');
  });
});
