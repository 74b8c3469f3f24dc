import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ACTIONS, FORMS } from "../src/core/actions/index.ts";
import type { ActionContext, ActionResult, FieldErrors, FormValues } from "../src/core/actions/types.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { Form, Select, TextInput } from "../src/core/message.ts";
import { INTRO_FORM } from "../src/features/profile/fields.ts";
import { resetDb } from "./support/db.ts";
import { applyResult, introValues, memberContext, profileRows } from "./support/profiles.ts";

const form = (id: string) => {
  const found = FORMS.find((f) => f.id === id);
  if (!found) throw new Error(`form ${id} is not registered`);
  return found;
};
const action = (id: string) => {
  const found = ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(`action ${id} is not registered`);
  return found;
};

/** Submits a form and applies what it returned, as the interaction handler would. */
async function submit(
  ctx: ActionContext,
  id: string,
  values: FormValues,
): Promise<ActionResult | FieldErrors> {
  const result = await form(id).submit(ctx, values, []);
  await applyResult(ctx, result);
  return result;
}

const field = (f: Form, id: string) => f.fields.find((x) => x.id === id);
const replyText = (result: ActionResult | FieldErrors) =>
  JSON.stringify("reply" in result ? result.reply : result);

beforeEach(resetDb);

describe("the intro form on Slack: one modal", () => {
  it("stores the profile when everything is valid", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await submit(ctx, INTRO_FORM.all, introValues());
    expect(result).not.toHaveProperty("errors");
    const { profiles } = await profileRows();
    expect(profiles).toEqual([
      expect.objectContaining({
        member_id: ctx.member.id,
        does: "I teach maths at SMK Negeri 2 Bandung",
        shares: "Rubrik penilaian and assessment design",
        needs: "Classroom management for big classes",
        benefits: '["problem","support"]',
        frequency: "fortnightly",
        intro_consent: 1,
        findable: 1,
        answered_at: "2026-12-01T12:00:00.000Z",
      }),
    ]);
    expect(replyText(result)).toContain("/cop profile show");
  });

  it("an oversized or missing answer gives field errors and changes nothing; earlier answers are kept", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await submit(ctx, INTRO_FORM.all, introValues());
    const before = await profileRows();

    const later = { ...ctx, now: new Date("2026-12-02T12:00:00Z") };
    const result = await submit(
      later,
      INTRO_FORM.all,
      introValues({ does: "x".repeat(301), shares: "   ", frequency: [] }),
    );
    expect(result).toEqual({
      errors: {
        does: "Please keep this to 300 characters (this has 301).",
        shares: "Please answer this question.",
        frequency: "Please answer this question.",
      },
    });
    expect(await profileRows()).toEqual(before);
  });

  it("300 characters (counted as characters, not UTF-16 units) is fine", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await submit(ctx, INTRO_FORM.all, introValues({ does: "🌱".repeat(300) }));
    expect(result).not.toHaveProperty("errors");
  });

  it("unknown option values and two answers to a one-answer question are errors", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await submit(
      ctx,
      INTRO_FORM.all,
      introValues({
        benefits: ["career", "world-domination"],
        frequency: ["weekly", "monthly"],
        intro: ["maybe"],
      }),
    );
    expect(result).toEqual({
      errors: {
        benefits: "Please choose from the list.",
        frequency: "Please choose one option.",
        intro: "Please choose from the list.",
      },
    });
    expect((await profileRows()).profiles).toEqual([]);
  });

  it("errors come in the community's language", async () => {
    const ctx = await memberContext("slack", "U0AYU", { locale: "id" });
    const result = await submit(ctx, INTRO_FORM.all, introValues({ shares: "" }));
    expect(result).toEqual({ errors: { shares: "Mohon isi pertanyaan ini." } });
  });

  it("an edit replaces the answers but keeps the first answered_at", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await submit(ctx, INTRO_FORM.all, introValues());
    const later = { ...ctx, now: new Date("2026-12-09T08:00:00Z") };
    const result = await submit(later, INTRO_FORM.all, introValues({ findable: ["no"], needs: "" }));
    expect(replyText(result)).toContain("Your profile is updated.");
    const [row] = (await profileRows()).profiles;
    expect(row).toMatchObject({
      findable: 0,
      needs: "",
      answered_at: "2026-12-01T12:00:00.000Z",
      updated_at: "2026-12-09T08:00:00.000Z",
    });
  });

  it("intro.open opens the whole form refilled with the saved answers", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await submit(ctx, INTRO_FORM.all, introValues());
    const opened = await action("intro.open").handle(ctx, []);
    const built = opened.form as Form;
    expect(built.id).toBe(`intro.profile:${ctx.community.id}`);
    expect(built.fields.map((f) => f.id)).toEqual([
      "does",
      "shares",
      "needs",
      "benefits",
      "frequency",
      "intro",
      "findable",
    ]);
    expect((field(built, "does") as TextInput).initial).toBe("I teach maths at SMK Negeri 2 Bandung");
    expect((field(built, "benefits") as Select).initial).toEqual(["problem", "support"]);
    expect((field(built, "findable") as Select).initial).toEqual(["yes"]);
  });
});

describe("the intro form on Discord: two steps", () => {
  it("step 1 keeps a draft and saves nothing to the profile; step 2 saves both in one batch", async () => {
    const ctx = await memberContext("discord", "300000000000000001");
    const opened = await action("intro.open").handle(ctx, []);
    expect((opened.form as Form).id).toBe(`intro.about:${ctx.community.id}`);
    expect((opened.form as Form).fields).toHaveLength(3);

    const about = introValues();
    const step1 = await submit(ctx, INTRO_FORM.about, {
      does: about.does ?? "",
      shares: about.shares ?? "",
      needs: "",
    });
    expect(step1).not.toHaveProperty("errors");
    const afterStep1 = await profileRows();
    expect(afterStep1.profiles).toEqual([]);
    expect(afterStep1.outbox).toEqual([]);
    expect(afterStep1.drafts).toHaveLength(1);
    // The reply carries the Continue button, which opens step 2 (a modal cannot open a modal).
    expect(JSON.stringify((step1 as ActionResult).reply)).toContain(`"actionId":"intro.next"`);

    const next = await action("intro.next").handle(ctx, []);
    const step2Form = next.form as Form;
    expect(step2Form.id).toBe(`intro.choices:${ctx.community.id}`);
    expect(step2Form.fields.map((f) => f.id)).toEqual(["benefits", "frequency", "intro", "findable"]);

    const step2 = await submit(ctx, INTRO_FORM.choices, {
      benefits: ["innovate"],
      frequency: ["monthly"],
      intro: ["no"],
      findable: ["yes"],
    });
    expect(step2).not.toHaveProperty("errors");
    const saved = await profileRows();
    expect(saved.drafts).toEqual([]);
    expect(saved.profiles).toEqual([
      expect.objectContaining({
        does: about.does,
        needs: "",
        benefits: '["innovate"]',
        frequency: "monthly",
      }),
    ]);
  });

  it("an invalid step 1 keeps nothing; an invalid step 2 saves nothing and keeps the draft", async () => {
    const ctx = await memberContext("discord", "300000000000000001");
    const bad1 = await submit(ctx, INTRO_FORM.about, { does: "", shares: "y".repeat(400), needs: "" });
    expect(bad1).toEqual({
      errors: {
        does: "Please answer this question.",
        shares: "Please keep this to 300 characters (this has 400).",
      },
    });
    expect(await profileRows()).toEqual({ profiles: [], drafts: [], outbox: [] });

    await submit(ctx, INTRO_FORM.about, { does: "Nurse", shares: "Wound care", needs: "" });
    const drafts = (await profileRows()).drafts;
    const bad2 = await submit(ctx, INTRO_FORM.choices, {
      benefits: [],
      frequency: ["daily"],
      intro: [],
      findable: ["yes"],
    });
    expect(bad2).toEqual({
      errors: { frequency: "Please choose from the list.", intro: "Please answer this question." },
    });
    expect(await profileRows()).toEqual({ profiles: [], drafts, outbox: [] });
  });

  it("step 2 without a step 1 (or a day later) saves nothing and asks to start again", async () => {
    const ctx = await memberContext("discord", "300000000000000001");
    const choices = { frequency: ["weekly"], intro: ["yes"], findable: ["yes"] };
    const alone = await submit(ctx, INTRO_FORM.choices, choices);
    expect(JSON.stringify(alone)).toContain(`"actionId":"intro.open"`);

    await submit(ctx, INTRO_FORM.about, { does: "Nurse", shares: "Wound care", needs: "" });
    const dayLater = { ...ctx, now: new Date(ctx.now.getTime() + 24 * 60 * 60 * 1000) };
    const stale = await submit(dayLater, INTRO_FORM.choices, choices);
    expect(JSON.stringify(stale)).toContain(translator("en")("intro.step2.lost"));
    expect(JSON.stringify(await action("intro.next").handle(dayLater, []))).toContain(
      `"actionId":"intro.open"`,
    );
    expect((await profileRows()).profiles).toEqual([]);
  });

  it("editing refills step 1 from the profile, and step 2's selects from it too", async () => {
    const ctx = await memberContext("discord", "300000000000000001");
    await submit(ctx, INTRO_FORM.about, { does: "Nurse", shares: "Wound care", needs: "Night shifts" });
    await submit(ctx, INTRO_FORM.choices, { frequency: ["weekly"], intro: ["no"], findable: ["no"] });
    const opened = (await action("intro.open").handle(ctx, [])).form as Form;
    expect((field(opened, "needs") as TextInput).initial).toBe("Night shifts");
    await submit(ctx, INTRO_FORM.about, { does: "Head nurse", shares: "Wound care", needs: "" });
    const step2 = (await action("intro.next").handle(ctx, [])).form as Form;
    expect((field(step2, "frequency") as Select).initial).toEqual(["weekly"]);
    expect((field(step2, "findable") as Select).initial).toEqual(["no"]);
  });
});

describe("the forms fit both platforms, in both languages", () => {
  for (const locale of ["en", "id"] as const) {
    it(`${locale}: labels ≤ 45, placeholders ≤ 100, titles fit, the six benefits offered`, async () => {
      const slack = await memberContext("slack", "U0AYU", { locale });
      const discord = await memberContext("discord", "300000000000000001", { locale });
      const all = await form(INTRO_FORM.all).build(slack, null, []);
      const step1 = await form(INTRO_FORM.about).build(discord, null, []);
      const step2 = await form(INTRO_FORM.choices).build(discord, null, []);
      expect(all.title.length).toBeLessThanOrEqual(24);
      expect(all.fields.length).toBeLessThanOrEqual(100);
      for (const f of [step1, step2]) {
        expect(f.fields.length).toBeLessThanOrEqual(5);
        expect(f.title.length).toBeLessThanOrEqual(45);
      }
      for (const f of all.fields) {
        expect(f.label.length, f.label).toBeLessThanOrEqual(45);
        if (f.kind === "text") {
          expect(f.maxLength).toBe(300);
          expect((f.placeholder ?? "").length, f.placeholder).toBeLessThanOrEqual(100);
        }
      }
      const benefits = field(all, "benefits") as Select;
      expect(benefits.multiple).toBe(true);
      expect(benefits.options.map((o) => o.label)).toEqual(
        locale === "en"
          ? [
              "Advance my career and organisation",
              "Improve my organisation",
              "Solve a particular kind of problem",
              "Solve problems and spread best practice",
              "Feel supported",
              "Innovate",
            ]
          : [
              "Memajukan karier dan organisasi saya",
              "Meningkatkan organisasi saya",
              "Memecahkan jenis masalah tertentu",
              "Memecahkan masalah dan menyebarkan praktik terbaik",
              "Merasa didukung",
              "Berinovasi",
            ],
      );
      // The note that needs become topics, named only with the intro consent, sits with the question
      // (Discord: a placeholder of at most 100 characters; a label of 45 has no room for it).
      const hint = (field(all, "needs") as TextInput).placeholder ?? "";
      expect(hint).toMatch(locale === "en" ? /topic.*named only if/ : /usulan topik.*hanya disebut jika/);
      expect(hint.length).toBeLessThanOrEqual(100);
    });
  }

  it("a reopened form keeps the submitted answers, even invalid ones", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const reopened = await form(INTRO_FORM.all).build(
      ctx,
      introValues({ does: "z".repeat(301), intro: ["no"] }),
      [],
    );
    expect((field(reopened, "does") as TextInput).initial).toBe("z".repeat(301));
    expect((field(reopened, "intro") as Select).initial).toEqual(["no"]);
  });
});

it("the profile tables are cleared with their member", async () => {
  const ctx = await memberContext("slack", "U0AYU");
  await submit(ctx, INTRO_FORM.all, introValues());
  await env.DB.prepare("DELETE FROM members WHERE id = ?").bind(ctx.member.id).run();
  expect((await profileRows()).profiles).toEqual([]);
});
