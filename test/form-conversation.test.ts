import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { handleInteraction } from "../src/core/actions/handle.ts";
import { handleCommand } from "../src/core/handle-command.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { PlatformTraits } from "../src/core/platform.ts";
import { housekeeping } from "../src/jobs/housekeeping.ts";
import {
  buttons,
  CONVERSATION,
  commandOn,
  conversationCore,
  conversationRows,
  member,
  textOf,
  WORKSPACE,
} from "./support/conversation.ts";
import { resetDb } from "./support/db.ts";
import { profileRows, realStore } from "./support/profiles.ts";
import { TRAITS } from "./support/traits.ts";
import { testEnv } from "./support/worker.ts";

/**
 * A platform without dialogs (`forms: "conversation"`) gets every form as a private conversation:
 * one question at a time, the answers kept in `form_conversations`, submitted at the end through
 * the same path a modal's submission takes. Driven through core, with the real store and D1.
 */
const en = translator("en");
const NOW = new Date("2026-12-01T12:00:00Z");
const clock = { now: NOW };
const core = () => conversationCore(clock);
const question = (n: number, of: number) => `Question ${n} of ${of}`;

beforeEach(async () => {
  await resetDb();
  clock.now = NOW;
});

/** The intro answered in a conversation, as the test's member would: typing, pressing, skipping. */
async function introByConversation(ayu: ReturnType<typeof member>) {
  const first = await ayu.command("profile edit");
  expect(textOf(first)).toContain(question(1, 7));
  expect(textOf(await ayu.say("I teach maths at SMP 3"))).toContain(question(2, 7));
  const needs = await ayu.say("Lesson plans for fractions");
  expect(textOf(needs)).toContain(question(3, 7));
  const benefits = await ayu.press(buttons(needs)[en("conversation.skip")] as string);
  expect(textOf(benefits)).toContain(question(4, 7));
  // A multiple choice: each press toggles one and asks again; "Done" moves on.
  const [career, organisation, problem] = Object.values(buttons(benefits));
  await ayu.press(career as string);
  await ayu.press(organisation as string);
  await ayu.press(problem as string);
  const toggled = await ayu.press(organisation as string);
  expect(Object.keys(buttons(toggled))).toContain(`✓ ${en("benefit.career")}`);
  const frequency = await ayu.press(buttons(toggled)[en("conversation.done")] as string);
  expect(textOf(frequency)).toContain(question(5, 7));
  const consent = await ayu.say("2");
  expect(textOf(consent)).toContain(question(6, 7));
  const findable = await ayu.press(Object.values(buttons(consent))[0] as string);
  expect(textOf(findable)).toContain(question(7, 7));
  return ayu.say(en("consent.findable.no"));
}

describe("the intro form as a conversation", () => {
  it("is asked answer by answer and saves the very profile the modal saves with the same answers", async () => {
    const ayu = member(core());
    const last = await introByConversation(ayu);
    expect(textOf(last)).toContain("Thank you for introducing yourself!");
    expect(await conversationRows()).toEqual([]);

    // Budi submits the same answers through the modal's path on a platform with dialogs.
    await handleCommand(core(), commandOn(TRAITS.slack, "help", { user: "U0BUDI" }));
    const id = (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id;
    await handleInteraction(core(), {
      traits: TRAITS.slack,
      userId: "U0BUDI",
      workspaceId: WORKSPACE,
      kind: "form",
      packed: `intro.profile:${id}`,
      values: {
        does: "I teach maths at SMP 3",
        shares: "Lesson plans for fractions",
        needs: "",
        benefits: ["career", "problem"],
        frequency: ["fortnightly"],
        intro: ["yes"],
        findable: ["no"],
      },
      ingressKey: "modal:1",
      fallbackLocale: "en",
      syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
      authority: () => ({ kind: "payload", isModerator: false }),
    });
    const { profiles } = await profileRows();
    const comparable = (row: unknown) => {
      const { id: _id, member_id: _member, ...rest } = row as Record<string, unknown>;
      return rest;
    };
    expect(profiles).toHaveLength(2);
    expect(comparable(profiles[0])).toEqual(comparable(profiles[1]));
    expect(comparable(profiles[0])).toMatchObject({
      needs: "",
      benefits: '["career","problem"]',
      findable: 0,
    });
  });

  it("an invalid answer is asked again once with the reason; a second stops it and saves nothing", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    const tooLong = "x".repeat(301);
    const again = await ayu.say(tooLong);
    expect(textOf(again)).toContain(en("conversation.tooLong", { max: "300", length: "301" }));
    expect(textOf(again)).toContain(question(1, 7));
    expect(await conversationRows()).toMatchObject([{ step: 0, reasks: 1 }]);

    const stopped = await ayu.say(tooLong);
    expect(textOf(stopped)).toContain("I stopped here, and nothing was saved");
    expect(await conversationRows()).toEqual([]);
    expect((await profileRows()).profiles).toEqual([]);
    // Nothing open any more: the next message is not an answer.
    expect(await ayu.say("hello")).toBeNull();
  });

  it("a re-ask is per question: a valid answer resets it for the next", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    await ayu.say("x".repeat(301));
    expect(textOf(await ayu.say("I teach"))).toContain(question(2, 7));
    expect(await conversationRows()).toMatchObject([{ step: 1, reasks: 0 }]);
    expect(textOf(await ayu.say("x".repeat(301)))).toContain(question(2, 7));
  });

  it("a required question cannot be skipped: it has no skip button, and an empty choice is refused", async () => {
    const ayu = member(core());
    const first = await ayu.command("profile edit");
    expect(Object.keys(buttons(first))).toEqual([]);
    const refused = await ayu.say("   ");
    expect(textOf(refused)).toContain(en("conversation.required"));
  });

  it("/cancel ends it and writes nothing else", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    await ayu.say("I teach maths");
    const tables = ["profiles", "profile_drafts", "outbox", "members", "audit_log", "form_drafts", "topics"];
    const snapshot = async () =>
      Promise.all(tables.map(async (t) => (await env.DB.prepare(`SELECT * FROM ${t}`).all()).results));
    const before = await snapshot();
    clock.now = new Date(NOW.getTime() + 13 * 3_600_000); // the next day: activity would write
    const reply = await ayu.say("/cancel");
    expect(textOf(reply)).toContain(en("conversation.cancelled"));
    expect(await conversationRows()).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("a retried private message moves the conversation on once", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    await ayu.say("I teach maths", "pm:same");
    await ayu.say("I teach maths", "pm:same");
    expect(await conversationRows()).toMatchObject([
      { step: 1, answers: expect.stringContaining("I teach maths") },
    ]);
  });

  it("a press on a question already answered asks the current one and changes nothing", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    await ayu.say("I teach maths");
    const needs = await ayu.say("Lesson plans");
    const skip = buttons(needs)[en("conversation.skip")] as string;
    await ayu.press(skip);
    const before = await conversationRows();
    const stale = await ayu.press(skip);
    expect(textOf(stale)).toContain(en("conversation.stale"));
    expect(textOf(stale)).toContain(question(4, 7));
    expect(await conversationRows()).toEqual(before);
  });
});

describe("one conversation at a time", () => {
  it("a second form replaces the first, after saying so", async () => {
    const ayu = member(core(), "U0AYU", true);
    await ayu.command("profile edit");
    await ayu.say("I teach maths");
    const setup = await ayu.command("setup");
    expect(textOf(setup)).toContain(en("conversation.replaced"));
    expect(textOf(setup)).toContain(question(1, 9));
    expect(await conversationRows()).toMatchObject([{ form_id: "setup.all", step: 0, reasks: 0 }]);
  });

  it("an expired draft is no conversation, and housekeeping drops it", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    clock.now = new Date(NOW.getTime() + 24 * 3_600_000 - 1000);
    expect(textOf(await ayu.say("I teach maths"))).toContain(question(2, 7));
    // A day after its last answer it is gone for the member, then for the table.
    clock.now = new Date(clock.now.getTime() + 24 * 3_600_000 + 1000);
    expect(await ayu.say("Lesson plans")).toBeNull();
    expect(await conversationRows()).toHaveLength(1);
    await housekeeping.run(jobDepsAt(testEnv())(clock.now), { communityId: 0, period: "2026-12-03" });
    expect(await conversationRows()).toEqual([]);
  });

  it("a member of two communities answers the one the platform names, else the newest", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    clock.now = new Date(NOW.getTime() + 60_000);
    await handleCommand(core(), commandOn(CONVERSATION, "profile edit", { workspace: "T0OTHER" }));
    const step = async () =>
      Object.fromEntries(
        (
          await env.DB.prepare(
            "SELECT c.workspace_id AS w, f.step FROM form_conversations f JOIN communities c ON c.id = f.community_id",
          ).all<{ w: string; step: number }>()
        ).results.map((r) => [r.w, r.step]),
      );
    await ayu.say("I teach maths");
    expect(await step()).toEqual({ [WORKSPACE]: 0, T0OTHER: 1 });
    await ayu.say("I teach physics", undefined, WORKSPACE);
    expect(await step()).toEqual({ [WORKSPACE]: 1, T0OTHER: 1 });
  });

  it("a private message with no conversation open is ignored", async () => {
    expect(await member(core()).say("hello")).toBeNull();
  });
});

describe("the last answer is a submission like a modal's", () => {
  it("a moderator's form finished by someone no longer a moderator saves nothing", async () => {
    await member(core(), "U0AYU").command("help");
    await member(core(), "U0MOD", true).command("setup");
    const before = await env.DB.prepare("SELECT * FROM communities").first();
    // Every answer given but the last, as the rows would hold them.
    const answers = {
      language: ["en"],
      timezone: "asia/jakarta",
      channel: ["C0GENERAL"],
      conduct: "Be kind.",
      reportChannel: [],
      cadence: ["weekly"],
      weekday: ["tue"],
      time: "19:00",
      link: "",
    };
    await env.DB.prepare("UPDATE form_conversations SET step = 8, answers = ?")
      .bind(JSON.stringify(answers))
      .run();
    const refused = await member(core(), "U0MOD", false).say("https://meet.example/cop");
    expect(textOf(refused)).toContain(en("action.moderatorsOnly"));
    expect(await env.DB.prepare("SELECT * FROM communities").first()).toEqual(before);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM meeting_series").first()).toEqual({ n: 0 });
  });
});

describe("a member's own data", () => {
  it("profile export includes an open draft, and profile forget erases it", async () => {
    const ayu = member(core());
    await ayu.command("profile edit");
    await ayu.say("I teach maths");
    const row = await env.DB.prepare(
      "SELECT id, community_id FROM members WHERE platform_user_id = 'U0AYU'",
    ).first<{
      id: number;
      community_id: number;
    }>();
    const exported = await realStore().privacy.exportOf(Number(row?.community_id), {
      memberId: Number(row?.id),
      userId: "U0AYU",
    });
    expect(exported.formConversation).toEqual({
      formConversation: {
        form: "intro.profile",
        answers: expect.objectContaining({ does: "I teach maths" }),
        question: 2,
        at: NOW.toISOString(),
      },
      // Not Telegram's: no private chat chosen.
      privateChat: null,
    });

    const ask = await ayu.command("profile forget");
    await ayu.press(Object.values(buttons(ask))[0] as string);
    expect(await conversationRows()).toEqual([]);
  });
});

describe("the setup form as a conversation", () => {
  it("is completed answer by answer and saves the settings, checked by setup's own rules", async () => {
    const modUser = "U0MOD";
    await member(core(), "U0AYU").command("help");
    const mod = member(core(), modUser, true);
    const first = await mod.command("setup");
    expect(textOf(first)).toContain(question(1, 9));
    const zone = await mod.press(buttons(first)[en("language.en")] as string);
    expect(textOf(zone)).toContain(question(2, 9));
    // Setup's own check refuses a zone it does not know, with setup's own words.
    const bad = await mod.say("Mars/Olympus");
    expect(textOf(bad)).toContain(question(2, 9));
    expect(textOf(bad)).toContain("does not fit");
    const channel = await mod.say("asia/jakarta");
    expect(textOf(channel)).toContain(question(3, 9));
    expect(textOf(await mod.say("<#C0GENERAL>"))).toContain(question(4, 9));
    const report = await mod.say("Be kind, share generously.");
    expect(textOf(report)).toContain(question(5, 9));
    const cadence = await mod.press(buttons(report)[en("conversation.skip")] as string);
    expect(textOf(cadence)).toContain(question(6, 9));
    const weekday = await mod.press(Object.values(buttons(cadence))[0] as string);
    expect(textOf(weekday)).toContain(question(7, 9));
    expect(textOf(await mod.say("tuesday"))).toContain(question(8, 9));
    expect(textOf(await mod.say("19:00"))).toContain(question(9, 9));
    const done = await mod.say("https://meet.example/cop");
    expect(textOf(done)).toContain(translator("en")("setup.saved"));
    const community = await env.DB.prepare("SELECT * FROM communities").first<Record<string, unknown>>();
    expect(community).toMatchObject({ timezone: "Asia/Jakarta", main_channel_id: "C0GENERAL" });
    const series = await env.DB.prepare("SELECT * FROM meeting_series").first<Record<string, unknown>>();
    expect(series).toMatchObject({ cadence: "weekly", start_minute: 19 * 60, first_day: "2026-12-08" });
    expect(await conversationRows()).toEqual([]);
  });
});

describe("in both languages", () => {
  it("help names /cancel where forms are conversations, and questions speak the community's language", async () => {
    const ayu = member(core());
    expect(textOf(await ayu.command("help"))).toContain(en("help.cancel", { cancel: "/cancel" }));
    const slack = await handleCommand(core(), commandOn(TRAITS.slack, "help"));
    expect(textOf(slack.message)).not.toContain("/cancel");
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    const id = translator("id");
    expect(textOf(await ayu.command("help"))).toContain(id("help.cancel", { cancel: "/cancel" }));
    const first = await ayu.command("profile edit");
    expect(textOf(first)).toContain("Pertanyaan 1 dari 7");
    expect(textOf(first)).toContain(id("conversation.cancelHint", { cancel: "/cancel" }));
    expect(textOf(await ayu.say("/batal"))).toContain(id("conversation.cancelled"));
  });
});

describe("how many questions one form holds", () => {
  it("Slack opens the whole intro form, Discord its first step of at most five", async () => {
    const slack = await handleCommand(core(), commandOn(TRAITS.slack, "profile edit"));
    expect(slack.form?.fields.length).toBe(7);
    const fewer: PlatformTraits = { ...TRAITS.slack, maxFormFields: TRAITS.discord.maxFormFields };
    const steps = await handleCommand(core(), commandOn(fewer, "profile edit"));
    expect(steps.form?.id).toMatch(/^intro\.about:/);
    expect(steps.form?.fields.length).toBeLessThanOrEqual(TRAITS.discord.maxFormFields);
  });

  it("a conversation asks the whole form, whatever its platform's dialog size", async () => {
    const small: PlatformTraits = { ...CONVERSATION, maxFormFields: 1 };
    const answer = await handleCommand(core(), commandOn(small, "setup", { moderator: true }));
    expect(answer.form).toBeUndefined();
    expect(textOf(answer.message)).toContain(question(1, 9));
  });
});
