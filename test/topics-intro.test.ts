import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { FORMS } from "../src/core/actions/index.ts";
import type { ActionContext, FormValues } from "../src/core/actions/types.ts";
import { INTRO_FORM } from "../src/features/profile/fields.ts";
import { resetDb } from "./support/db.ts";
import { applyResult, introValues, memberContext } from "./support/profiles.ts";
import { topicRows } from "./support/topics.ts";

async function save(ctx: ActionContext, values: FormValues): Promise<void> {
  const form = FORMS.find((f) => f.id === INTRO_FORM.all);
  if (!form) throw new Error("intro form not registered");
  await applyResult(ctx, await form.submit(ctx, values, []));
}

beforeEach(resetDb);

describe("needs from the intro form become suggested topics", () => {
  it("unnamed without the intro consent, once per need text; a changed need is suggested again", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await save(ctx, introValues({ needs: "Classroom management for big classes", intro: ["no"] }));
    expect(await topicRows()).toEqual([
      expect.objectContaining({
        title: "Classroom management for big classes",
        details: null,
        suggested_by: null,
        source: "intro",
        status: "open",
        votes: 1,
      }),
    ]);
    // Saving the same need again suggests nothing, even once that topic has left the backlog.
    await env.DB.prepare("UPDATE topics SET status = 'retired'").run();
    await save(ctx, introValues({ needs: "Classroom management for big classes", intro: ["no"] }));
    expect(await topicRows()).toHaveLength(1);
    await save(ctx, introValues({ needs: "Feedback on lesson plans", intro: ["no"] }));
    expect((await topicRows()).map((t) => t.title)).toEqual([
      "Classroom management for big classes",
      "Feedback on lesson plans",
    ]);
    await save(ctx, introValues({ needs: "", intro: ["no"] }));
    expect(await topicRows()).toHaveLength(2);
  });

  it("a need on the subject of an open topic supports it instead of adding a near twin", async () => {
    const ayu = await memberContext("slack", "U0AYU");
    const siti = await memberContext("slack", "U0SITI");
    await save(ayu, introValues({ needs: "Menilai kerja praktikum", intro: ["no"] }));
    await save(siti, introValues({ needs: "Ide menilai kerja praktikum", intro: ["yes"] }));
    expect(await topicRows()).toEqual([
      expect.objectContaining({ title: "Menilai kerja praktikum", votes: 2 }),
    ]);
    // A different subject is still its own topic.
    await save(siti, introValues({ needs: "Menilai kerja kelompok", intro: ["yes"] }));
    expect((await topicRows()).map((t) => [t.title, t.votes])).toEqual([
      ["Menilai kerja praktikum", 2],
      ["Menilai kerja kelompok", 1],
    ]);
  });

  it("attributed when the member agreed to an introduction post", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await save(ctx, introValues({ needs: "Assessment rubrics", intro: ["yes"] }));
    expect(await topicRows()).toEqual([
      expect.objectContaining({ title: "Assessment rubrics", suggested_by: "U0AYU", source: "intro" }),
    ]);
  });

  it("a need already open as a topic becomes that member's vote; a long need keeps its whole text as details", async () => {
    const ayu = await memberContext("slack", "U0AYU");
    const budi = await memberContext("slack", "U0BUDI");
    await save(ayu, introValues({ needs: "Assessment rubrics", intro: ["no"] }));
    await save(budi, introValues({ needs: "assessment   RUBRICS!", intro: ["no"] }));
    expect(await topicRows()).toEqual([expect.objectContaining({ title: "Assessment rubrics", votes: 2 })]);

    const long = `${"Managing very large classes with mixed abilities ".repeat(6)}`.trim();
    await save(budi, introValues({ needs: long, intro: ["no"] }));
    const [, topic] = await topicRows();
    expect(String(topic?.title).length).toBeLessThanOrEqual(150);
    expect(String(topic?.title)).toMatch(/…$/);
    expect(topic?.details).toBe(long);
  });
});
