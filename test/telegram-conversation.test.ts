import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { TelegramMessage } from "../src/adapters/telegram/payloads.ts";
import { withMentions } from "../src/adapters/telegram/private-text.ts";
import { handleInteraction } from "../src/core/actions/handle.ts";
import { handleCommand } from "../src/core/handle-command.ts";
import { translator } from "../src/core/i18n/index.ts";
import { commandOn, conversationCore, conversationRows, WORKSPACE } from "./support/conversation.ts";
import { resetDb } from "./support/db.ts";
import { profileRows } from "./support/profiles.ts";
import { configureStandins } from "./support/standins.ts";
import {
  commandUpdate,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgGroup,
  tgStarted,
} from "./support/telegram.ts";
import { privateChat, type Said } from "./support/telegram-chat.ts";
import { TRAITS } from "./support/traits.ts";
import { isolate, resetStandins } from "./support/worker.ts";

/**
 * Telegram has no dialogs: the intro and setup forms are asked in the bot's private chat, one
 * question at a time, through the real webhook, the Bot API stand-in and the real D1.
 */
const en = translator("en");
const question = (n: number, of: number) => `Question ${n} of ${of}`;
const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0 });
const text = (said: Said | null) => said?.text ?? "";
const button = (said: Said | null, label: string) => said?.buttons[label] ?? `no ${label} button`;
const first = (said: Said | null, n = 0) => Object.values(said?.buttons ?? {})[n] ?? "no button";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  await tgGroup(TG_GROUP, [TG_ADMIN], [TG_MEMBER]);
  await tgStarted(TG_MEMBER, TG_ADMIN);
  // A person presses a question's buttons faster than Telegram's per-chat burst (5 in 5 s) allows
  // only here: the windows shrink so each press's next question is sent.
  await configureStandins({ timeScale: 100 });
});

async function joined(send: (r: Request) => Promise<Response>, user = TG_MEMBER) {
  await send(telegramRequest(commandUpdate("/cop help", { from: { id: user } })));
}

describe("the intro form as a Telegram conversation", () => {
  it("runs to the end in the private chat and saves the very profile a modal saves", async () => {
    const send = worker();
    await joined(send);
    const ayu = privateChat(send);
    const opened = await ayu.type("/cop profile edit");
    expect(text(opened)).toContain(question(1, 7));
    expect(text(await ayu.type("I teach maths at SMP 3"))).toContain(question(2, 7));
    const needs = await ayu.type("Lesson plans for fractions");
    expect(text(needs)).toContain(question(3, 7));
    const benefits = await ayu.press(button(needs, en("conversation.skip")));
    expect(text(benefits)).toContain(question(4, 7));
    await ayu.press(first(benefits, 0));
    const toggled = await ayu.press(first(benefits, 2));
    const frequency = await ayu.press(button(toggled, en("conversation.done")));
    expect(text(frequency)).toContain(question(5, 7));
    const consent = await ayu.type("2");
    expect(text(consent)).toContain(question(6, 7));
    const findable = await ayu.press(first(consent));
    expect(text(findable)).toContain(question(7, 7));
    const done = await ayu.type(en("consent.findable.no"));
    expect(text(done)).toContain("Thank you for introducing yourself!");
    expect(await conversationRows()).toEqual([]);

    // The same answers through a modal's path (Slack), compared row to row.
    const core = conversationCore({ now: new Date() });
    await handleCommand(core, commandOn(TRAITS.slack, "help", { user: "U0BUDI" }));
    const slackId = (
      await env.DB.prepare("SELECT id FROM communities WHERE platform = 'slack'").first<{ id: number }>()
    )?.id;
    await handleInteraction(core, {
      traits: TRAITS.slack,
      userId: "U0BUDI",
      workspaceId: WORKSPACE,
      kind: "form",
      packed: `intro.profile:${slackId}`,
      values: {
        does: "I teach maths at SMP 3",
        shares: "Lesson plans for fractions",
        needs: "",
        benefits: ["career", "problem"],
        frequency: ["fortnightly"],
        intro: ["yes"],
        findable: ["no"],
      },
      ingressKey: "modal:tg",
      fallbackLocale: "en",
      syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
      authority: () => ({ kind: "payload", isModerator: false }),
    });
    const { profiles } = await profileRows();
    const comparable = (row: unknown) => {
      const {
        id: _id,
        member_id: _member,
        community_id: _co,
        answered_at: _a,
        updated_at: _u,
        created_at: _c,
        ...rest
      } = row as Record<string, unknown>;
      return rest;
    };
    expect(profiles).toHaveLength(2);
    expect(comparable(profiles[0])).toEqual(comparable(profiles[1]));
  });

  it("a bad answer is asked again once; /cancel writes nothing; later text is ignored", async () => {
    const send = worker();
    await joined(send);
    const ayu = privateChat(send);
    await ayu.type("/cop profile edit");
    const again = await ayu.type("x".repeat(301));
    expect(text(again)).toContain(question(1, 7));
    expect(text(again)).toContain("301");
    await ayu.type("I teach maths");
    expect(await conversationRows()).toHaveLength(1);
    const cancelled = await ayu.type("/cancel");
    expect(text(cancelled)).toContain(en("conversation.cancelled"));
    expect(await conversationRows()).toEqual([]);
    expect((await profileRows()).profiles).toEqual([]);
    expect(await ayu.type("hello")).toBeNull();
  });

  it("/batal stops it in Indonesian; the questions speak the community's language", async () => {
    const send = worker();
    await send(telegramRequest(commandUpdate("/copmod language id", { from: { id: TG_ADMIN } })));
    await joined(send);
    const ayu = privateChat(send, TG_MEMBER, "id");
    const id = translator("id");
    expect(text(await ayu.type("/cop profile edit"))).toContain("1");
    const stopped = await ayu.type("/batal");
    expect(text(stopped)).toContain(id("conversation.cancelled"));
    expect(await conversationRows()).toEqual([]);
  });

  it("a redelivered answer (same update_id) moves the conversation on once", async () => {
    const send = worker();
    await joined(send);
    const ayu = privateChat(send);
    await ayu.type("/cop profile edit");
    const redelivered = { updateId: 424242, messageId: 8080 };
    await ayu.type("I teach maths", redelivered);
    await ayu.type("I teach maths", redelivered);
    const [row] = (await conversationRows()) as { step: number }[];
    expect(row?.step).toBe(1);
  });

  it("group text is no answer: a member's chatter in the group leaves their conversation alone", async () => {
    const send = worker();
    await joined(send);
    await privateChat(send).type("/cop profile edit");
    const before = await tgCalls();
    const response = await send(telegramRequest(commandUpdate("I teach maths", { from: { id: TG_MEMBER } })));
    expect(await response.text()).toBe("");
    expect(await tgCalls()).toEqual(before);
    const [row] = (await conversationRows()) as { step: number }[];
    expect(row?.step).toBe(0);
  });
});

describe("the setup form as a Telegram conversation", () => {
  it("a group administrator completes setup in the private chat", async () => {
    const send = worker();
    await joined(send);
    await joined(send, TG_ADMIN);
    const mod = privateChat(send, TG_ADMIN);
    const opened = await mod.type("/copmod setup");
    expect(text(opened)).toContain(question(1, 9));
    let said: Said | null = await mod.press(button(opened, en("language.en")));
    expect(text(said)).toContain(question(2, 9));
    const bad = await mod.type("Mars/Olympus");
    expect(text(bad)).toContain("does not fit");
    said = await mod.type("asia/jakarta");
    // Telegram has no channels: the main channel is the group itself, kept as it opens.
    expect(text(said)).toContain(question(3, 9));
    said = await mod.press(first(said));
    expect(text(said)).toContain(question(4, 9));
    said = await mod.type("Be kind, share generously.");
    expect(text(said)).toContain(question(5, 9));
    said = await mod.press(button(said, en("conversation.skip")));
    expect(text(said)).toContain(question(6, 9));
    said = await mod.press(first(said));
    expect(text(said)).toContain(question(7, 9));
    expect(text(await mod.type("tuesday"))).toContain(question(8, 9));
    expect(text(await mod.type("19:00"))).toContain(question(9, 9));
    const done = await mod.type("https://meet.example/cop");
    expect(text(done)).toContain(en("setup.saved"));
    const community = await env.DB.prepare("SELECT * FROM communities").first<Record<string, unknown>>();
    expect(community).toMatchObject({
      platform: "telegram",
      timezone: "Asia/Jakarta",
      main_channel_id: String(TG_GROUP),
    });
    const series = await env.DB.prepare("SELECT * FROM meeting_series").first<Record<string, unknown>>();
    expect(series).toMatchObject({ cadence: "weekly", start_minute: 19 * 60 });
    expect(await conversationRows()).toEqual([]);
  });
});

describe("mentions in an answer", () => {
  it("a text_mention (a person without a username) becomes the neutral <@id>, offsets in UTF-16", () => {
    const message = {
      message_id: 1,
      chat: { id: TG_MEMBER, type: "private" },
      date: 1,
      text: "🙂 Budi and Sari",
      entities: [
        { type: "text_mention", offset: 3, length: 4, user: { id: 42, is_bot: false, first_name: "Budi" } },
        { type: "text_mention", offset: 12, length: 4, user: { id: 43, is_bot: false, first_name: "Sari" } },
      ],
    } as TelegramMessage;
    expect(withMentions(message)).toBe("🙂 <@42> and <@43>");
  });
});
