import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { handleInteraction } from "../src/core/actions/handle.ts";
import { pack } from "../src/core/actions/pack.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { type CommandRequest, handleCommand } from "../src/core/handle-command.ts";
import { type Locale, translator } from "../src/core/i18n/index.ts";
import type { PlatformTraits } from "../src/core/platform.ts";
import { resetDb } from "./support/db.ts";
import { profileRows, realStore } from "./support/profiles.ts";
import { TRAITS } from "./support/traits.ts";

/**
 * A platform that asks a form's questions in a conversation (Telegram, later) gets no modal: core
 * has no conversation engine yet, so a command or button that would open a form answers plainly,
 * in the community's language, and writes nothing. The same requests on a modal platform open
 * the form, so the branch is the trait, not the command. The id stays Slack's so the stored
 * community is a real one; only what the platform can do differs.
 */
const CONVERSATION: PlatformTraits = { ...TRAITS.slack, forms: "conversation" };
const NOW = new Date("2026-12-01T12:00:00Z");
const USER = "U0AYU";
const core = () => ({ store: realStore(), now: () => NOW });

function command(traits: PlatformTraits, text: string, moderator = false): CommandRequest {
  return {
    traits,
    contact: {
      platform: traits.id,
      workspaceId: "T0GUYUB01",
      workspaceName: "Guru Penggerak",
      userId: USER,
      displayName: "ayu",
      initialLocale: "en",
    },
    syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
    authority: () => ({ kind: "payload", isModerator: moderator }),
    parse: (registry) => parseCommandText(registry, traits, text),
    ingressKey: `test:${crypto.randomUUID()}`,
  };
}

const speak = async (locale: Locale) => {
  await env.DB.prepare("UPDATE communities SET locale = ?").bind(locale).run();
};

beforeEach(resetDb);

describe("forms on a platform without modals", () => {
  it("/cop profile edit answers that forms cannot be shown here, and opens nothing", async () => {
    const opened = await handleCommand(core(), command(TRAITS.slack, "profile edit"));
    expect(opened.form?.id).toMatch(/^intro\.profile:/);

    const answer = await handleCommand(core(), command(CONVERSATION, "profile edit"));
    expect(answer.form).toBeUndefined();
    expect(JSON.stringify(answer.message)).toContain(translator("en")("form.conversation"));
    expect(answer.message.visibility).toBe("ephemeral");
  });

  it("/cop setup says the same in Bahasa Indonesia for an Indonesian community", async () => {
    await handleCommand(core(), command(TRAITS.slack, "help"));
    await speak("id");
    const answer = await handleCommand(core(), command(CONVERSATION, "setup", true));
    expect(answer.form).toBeUndefined();
    expect(JSON.stringify(answer.message)).toContain(translator("id")("form.conversation"));
  });

  it("a button that opens a form answers with the same note, and nothing of a profile is written", async () => {
    await handleCommand(core(), command(TRAITS.slack, "help"));
    const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
    const press = (traits: PlatformTraits) =>
      handleInteraction(core(), {
        traits,
        userId: USER,
        workspaceId: "T0GUYUB01",
        kind: "button",
        packed: pack("intro.open", community?.id ?? 0),
        ingressKey: `test:${crypto.randomUUID()}`,
        fallbackLocale: "en",
        syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
        authority: () => ({ kind: "payload", isModerator: false }),
      });
    expect((await press(TRAITS.slack)).kind).toBe("form");

    const before = await profileRows();
    const answer = await press(CONVERSATION);
    expect(answer).toEqual({
      kind: "reply",
      message: expect.objectContaining({ visibility: "ephemeral" }),
    });
    expect(JSON.stringify(answer)).toContain(translator("en")("form.conversation"));
    expect(await profileRows()).toEqual(before);
  });
});

describe("how many questions one form holds", () => {
  it("Slack opens the whole intro form, Discord its first step of at most five", async () => {
    const slack = await handleCommand(core(), command(TRAITS.slack, "profile edit"));
    expect(slack.form?.fields.length).toBe(7);
    const fewer: PlatformTraits = { ...TRAITS.slack, maxFormFields: TRAITS.discord.maxFormFields };
    const steps = await handleCommand(core(), command(fewer, "profile edit"));
    expect(steps.form?.id).toMatch(/^intro\.about:/);
    expect(steps.form?.fields.length).toBeLessThanOrEqual(TRAITS.discord.maxFormFields);
  });

  it("the setup form likewise: one form of nine on Slack, a first step of five on Discord", async () => {
    const slack = await handleCommand(core(), command(TRAITS.slack, "setup", true));
    expect(slack.form?.id).toMatch(/^setup\.all:/);
    expect(slack.form?.fields.length).toBe(9);
    await resetDb();
    const fewer: PlatformTraits = { ...TRAITS.slack, maxFormFields: TRAITS.discord.maxFormFields };
    const steps = await handleCommand(core(), command(fewer, "setup", true));
    expect(steps.form?.id).toMatch(/^setup\.basics:/);
    expect(steps.form?.fields.length).toBe(5);
  });
});
