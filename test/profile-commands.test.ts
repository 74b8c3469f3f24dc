import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { ProfileAnswers } from "../src/features/profile/answers.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import { commandInteraction, group, signedDiscord, str, sub } from "./support/discord.ts";
import { memberContext, realStore } from "./support/profiles.ts";
import { MEMBER, replyText, slashCommand } from "./support/slack.ts";
import { resetStandins, send } from "./support/worker.ts";

const answers: ProfileAnswers = {
  does: "I teach maths at SMK Negeri 2",
  shares: "Rubrik penilaian and project-based learning",
  needs: "Big classes",
  benefits: ["problem", "support"],
  frequency: "fortnightly",
  introConsent: true,
  findable: true,
};

/** A member of the test community (Slack or Discord) with a saved profile. */
async function withProfile(
  platform: "slack" | "discord",
  userId: string,
  overrides: Partial<ProfileAnswers> = {},
  now = new Date("2026-12-01T20:00:00Z"),
) {
  const ctx = await memberContext(platform, userId, { now });
  const effects = [
    { type: "profile.save" as const, memberId: ctx.member.id, answers: { ...answers, ...overrides } },
  ];
  await realStore().apply(ctx.community, effects, null, now);
  return ctx;
}

const slack = async (text: string) => {
  const response = await send(await slashCommand(text));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { response_type: string; text?: string; blocks?: unknown[] };
  expect(body.response_type).toBe("ephemeral");
  return replyText(body);
};

const discord = async (options: unknown[]) => {
  const response = await send(await signedDiscord(commandInteraction(options)));
  expect(response.status).toBe(200);
  return (await response.json()) as {
    data: { content: string; components?: unknown[]; allowed_mentions: unknown; flags?: number };
  };
};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/cop profile show", () => {
  it("yourself, without a profile: an invitation with the intro button (Slack also takes /cop profile)", async () => {
    const text = await slack("profile");
    expect(text).toContain("You have not introduced yourself yet.");
    expect(text).toContain('"action_id":"intro.open:');
  });

  it("yourself: every answer, both consents, dates in the community's timezone", async () => {
    await withProfile("slack", MEMBER);
    const text = await slack("profile show");
    for (const expected of [
      "Your profile",
      "I teach maths at SMK Negeri 2",
      "Rubrik penilaian and project-based learning",
      "Big classes",
      "Solve a particular kind of problem; Feel supported",
      "Every two weeks",
      // 20:00 UTC on 1 December is already 2 December in Jakarta (UTC+7).
      "First answered 2 December 2026",
      "/cop profile edit",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("another member who agreed to be found: only what they do and can share", async () => {
    await withProfile("slack", "U0AYU");
    const text = await slack("profile show <@U0AYU|ayu>");
    expect(text).toContain("<@U0AYU>");
    expect(text).toContain("Rubrik penilaian and project-based learning");
    expect(text).not.toContain("Big classes");
    expect(text).not.toContain("Every two weeks");
    expect(text).not.toContain("Feel supported");
  });

  it("another member who keeps their profile private: their name and that, nothing else", async () => {
    await withProfile("slack", "U0AYU", { findable: false });
    const text = await slack("profile show <@U0AYU>");
    expect(text).toContain("<@U0AYU> keeps their profile private.");
    expect(text).not.toContain("Rubrik");
    expect(text).not.toContain("maths");
  });

  it("another member without a profile, or one guyub never met", async () => {
    await memberContext("slack", "U0AYU");
    expect(await slack("profile show <@U0AYU>")).toContain("<@U0AYU> has not shared a profile yet.");
    expect(await slack("profile show <@U0NOBODY>")).toContain("<@U0NOBODY> has not shared a profile yet.");
  });

  it("a member who left shows as private", async () => {
    const ctx = await withProfile("slack", "U0AYU");
    await env.DB.prepare("UPDATE members SET status = 'alumni' WHERE id = ?").bind(ctx.member.id).run();
    expect(await slack("profile show <@U0AYU>")).toContain("keeps their profile private");
  });

  it("on Discord, with the member as a typed option", async () => {
    await withProfile("discord", "300000000000000005");
    const member = { type: 6, name: "member", value: "300000000000000005" };
    const reply = await discord([group("profile", sub("show", [member]))]);
    expect(reply.data.content).toContain("Rubrik penilaian");
    expect(reply.data.content).toContain("<@300000000000000005>");
  });
});

describe("/cop whoknows", () => {
  it("lists members who can share, with a snippet and the hit in bold", async () => {
    await withProfile("slack", "U0AYU");
    await withProfile("slack", "U0BUDI", { shares: "Classroom routines" });
    const text = await slack("whoknows Penilaian");
    expect(text).toContain("Who can share about “Penilaian”");
    expect(text).toContain("<@U0AYU>: Rubrik *penilaian* and project-based learning");
    expect(text).not.toContain("U0BUDI");
  });

  it("says so when nobody matches, and never lists those who keep their profile private", async () => {
    await withProfile("slack", "U0AYU", { findable: false });
    const text = await slack("whoknows rubrik");
    expect(text).toContain("Nobody who agreed to be found has mentioned “rubrik” yet.");
    expect(text).not.toContain("U0AYU");
  });

  it("punctuation and operators only: a clear error, no crash, nothing written", async () => {
    await send(await slashCommand("help"));
    const before = await rowCounts();
    for (const input of ["***", "AND OR NOT", '"" () ^ :', "NEAR(,)"]) {
      const text = await slack(`whoknows ${input}`);
      expect(text, input).toContain(
        "Please give me a word or two to look for, e.g. /cop whoknows assessment rubrics.",
      );
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("with no words at all: the usual missing-argument answer", async () => {
    expect(await slack("whoknows")).toContain("/cop whoknows needs a subject.");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("on Discord: the words option, mentions locked to the members listed", async () => {
    await withProfile("discord", "300000000000000005");
    const reply = await discord([sub("whoknows", [str("words", "rubrik")])]);
    expect(reply.data.content).toContain("<@300000000000000005>");
    expect(reply.data.allowed_mentions).toEqual({ parse: [], users: ["300000000000000005"], roles: [] });
    const empty = await discord([sub("whoknows", [str("words", "+-*")])]);
    expect(empty.data.content).toContain("Please give me a word or two");
  });
});
