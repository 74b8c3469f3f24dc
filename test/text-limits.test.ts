import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { commandInteraction, signedDiscord, str, sub } from "./support/discord.ts";
import { countWhere } from "./support/membership.ts";
import { MODERATOR, replyText, slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const ask = async (send: Send, text: string, user = MODERATOR) =>
  replyText((await (await send(await slashCommand(text, { user_id: user }))).json()) as { text?: string });

describe("a text over its limit", () => {
  it("is named by its length and the limit, never echoed back, and changes nothing", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    await ask(send, "help");
    const before = await snapshot();
    const cases = [
      {
        line: "kudos <@U0AYU|ayu> ",
        text: "a".repeat(301),
        says: "The “why” you typed is 301 characters long; at most 300 fit",
      },
      {
        line: "onboarding welcome ",
        text: "Selamat datang! ".repeat(70).trim(),
        says: "The “welcome text” you typed is 1,119 characters long; at most 1,000 fit",
      },
      {
        line: "whoknows ",
        text: "rubrik ".repeat(40).trim(),
        says: "The “subject” you typed is 279 characters long; at most 200 fit",
      },
    ];
    for (const { line, text, says } of cases) {
      const reply = await ask(send, line + text);
      expect(reply, line).toContain(says);
      expect(reply, line).toContain("Nothing was changed");
      expect(reply, line).not.toContain(text.slice(0, 60));
      expect(reply, line).not.toContain("is not a valid");
    }
    expect(await snapshot()).toBe(before);
  });

  it("counts characters as people do: 300 emoji fit a kudos reason, 301 do not", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    expect(await ask(send, `kudos <@U0AYU|ayu> ${"🙏".repeat(301)}`)).toContain(
      "301 characters long; at most 300",
    );
    expect(await ask(send, `kudos <@U0AYU|ayu> ${"🙏".repeat(300)}`)).toContain("Your kudos to");
    expect(await countWhere("kudos")).toBe(1);
  });

  it("on Discord, and in Bahasa Indonesia", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    const discord = async (options: unknown[]) =>
      JSON.stringify(
        await (await send(await signedDiscord(commandInteraction(options, { guildLocale: "id" })))).json(),
      );
    const reply = await discord([sub("whoknows", [str("words", "x".repeat(250))])]);
    expect(reply).toContain(
      "“kata kunci” yang Anda ketik panjangnya 250 karakter; paling banyak 200 karakter",
    );
    expect(reply).not.toContain("x".repeat(60));
  });
});
