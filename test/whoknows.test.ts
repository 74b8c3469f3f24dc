import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { ActionContext } from "../src/core/actions/types.ts";
import type { ProfileAnswers } from "../src/features/profile/answers.ts";
import { ftsQuery, HIT_END, HIT_START, snippetPieces } from "../src/features/profile/search.ts";
import { resetDb } from "./support/db.ts";
import { memberContext, realStore } from "./support/profiles.ts";

const base: ProfileAnswers = {
  does: "Teacher",
  shares: "Lesson plans",
  needs: "",
  benefits: [],
  frequency: "monthly",
  introConsent: false,
  findable: true,
};

/** A member of the Slack test community with a saved profile. */
async function member(userId: string, answers: Partial<ProfileAnswers>): Promise<ActionContext> {
  const ctx = await memberContext("slack", userId);
  await realStore().apply(
    ctx.community,
    [{ type: "profile.save", memberId: ctx.member.id, answers: { ...base, ...answers } }],
    null,
    ctx.now,
  );
  return ctx;
}

async function whoknows(ctx: ActionContext, words: string): Promise<string[]> {
  const query = ftsQuery(words);
  if (!query) throw new Error(`nothing to search in "${words}"`);
  const hits = await ctx.store.profiles.search(ctx.community.id, query.match, 10);
  return hits.map((hit) => hit.platformUserId);
}

beforeEach(resetDb);

describe("ftsQuery: member input made safe for FTS5", () => {
  it("quotes each word, ORs them, and lets longer words match as a prefix", () => {
    expect(ftsQuery("rubrik penilaian")).toEqual({
      match: '"rubrik"* OR "penilaian"*',
      words: ["rubrik", "penilaian"],
    });
    expect(ftsQuery("AI in Kelas 7")?.match).toBe('"AI" OR "in" OR "Kelas"* OR "7"');
  });

  it("drops operators, quotes, column filters and other syntax", () => {
    expect(ftsQuery('shares:"x" OR NOT (y* AND z^) NEAR(a b, 3)')?.words).toEqual([
      "shares",
      "x",
      "y",
      "z",
      "a",
      "b",
      "3",
    ]);
    expect(ftsQuery("-c +d {e}")?.words).toEqual(["c", "d", "e"]);
    expect(ftsQuery('" OR "1"="1')?.match).toBe('"1"');
    expect(ftsQuery("one two three four five six seven eight nine ten")?.words).toHaveLength(8);
  });

  it("keeps letters of any script and accents, and drops repeats", () => {
    expect(ftsQuery("Résumé résumé résumé")?.words).toEqual(["Résumé"]);
    expect(ftsQuery("pendidikan — anak-anak")?.words).toEqual(["pendidikan", "anak"]);
  });

  it("is null when nothing is left to look for", () => {
    for (const input of ["", "   ", "***", '"" () ^ : -', "AND OR NOT", "NEAR(,)", "¿?!…"]) {
      expect(ftsQuery(input), input).toBeNull();
    }
  });

  it("shows hits in a snippet as bold pieces and everything else as plain text", () => {
    expect(snippetPieces(`…uses ${HIT_START}rubrik${HIT_END} <!channel> daily`)).toEqual([
      "…uses ",
      { bold: "rubrik" },
      " <!channel> daily",
    ]);
  });
});

describe("whoknows search", () => {
  it("finds words in 'what I can share', English and Indonesian, whatever the case or accents", async () => {
    const ctx = await member("U0AYU", { shares: "Menyusun rubrik penilaian untuk SMK" });
    await member("U0BUDI", { shares: "Résumé writing for job seekers" });
    await member("U0CITRA", { shares: "Classroom routines" });
    expect(await whoknows(ctx, "Penilaian")).toEqual(["U0AYU"]);
    expect(await whoknows(ctx, "PENILAIAN")).toEqual(["U0AYU"]);
    expect(await whoknows(ctx, "resume")).toEqual(["U0BUDI"]);
    expect(await whoknows(ctx, "RÉSUMÉ")).toEqual(["U0BUDI"]);
    expect(await whoknows(ctx, "classroom")).toEqual(["U0CITRA"]);
    expect(await whoknows(ctx, "routine")).toEqual(["U0CITRA"]);
    expect(await whoknows(ctx, "astronomy")).toEqual([]);
  });

  it("also finds 'what I do', ranked below what members can share", async () => {
    const ctx = await member("U0DOES", { does: "Nurse educator", shares: "Night shift tips" });
    await member("U0SHARES", { does: "Head of ward", shares: "Nurse mentoring" });
    expect(await whoknows(ctx, "nurse")).toEqual(["U0SHARES", "U0DOES"]);
  });

  it("ranks members matching more of the words first", async () => {
    const ctx = await member("U0ONE", { shares: "Penilaian" });
    await member("U0BOTH", { shares: "Rubrik penilaian" });
    await member("U0OTHER", { shares: "Rubrik" });
    const ranked = await whoknows(ctx, "rubrik penilaian");
    expect(ranked[0]).toBe("U0BOTH");
    expect(ranked).toHaveLength(3);
  });

  it("never shows a member who did not agree to be found", async () => {
    const ctx = await member("U0OPEN", { shares: "Rubrik penilaian" });
    await member("U0PRIVATE", { shares: "Rubrik penilaian", findable: false });
    expect(await whoknows(ctx, "rubrik")).toEqual(["U0OPEN"]);
  });

  it("never shows a member who left (alumni)", async () => {
    const ctx = await member("U0STAYS", { shares: "Rubrik penilaian" });
    const left = await member("U0LEFT", { shares: "Rubrik penilaian" });
    await env.DB.prepare("UPDATE members SET status = 'alumni', left_at = ? WHERE id = ?")
      .bind(ctx.now.toISOString(), left.member.id)
      .run();
    expect(await whoknows(ctx, "rubrik")).toEqual(["U0STAYS"]);
  });

  it("shows at most 10, and only this community's members", async () => {
    const ctx = await member("U0M00", { shares: "Penilaian" });
    for (let i = 1; i < 12; i++) await member(`U0M${String(i).padStart(2, "0")}`, { shares: "Penilaian" });
    const discord = await memberContext("discord", "300000000000000009");
    await realStore().apply(
      discord.community,
      [{ type: "profile.save", memberId: discord.member.id, answers: { ...base, shares: "Penilaian" } }],
      null,
      discord.now,
    );
    expect(await whoknows(ctx, "penilaian")).toHaveLength(10);
    expect(await whoknows(discord, "penilaian")).toEqual(["300000000000000009"]);
  });

  it("follows edits: the index is kept in step with the profiles", async () => {
    const ctx = await member("U0AYU", { shares: "Rubrik penilaian" });
    await member("U0AYU", { shares: "Project-based learning" });
    expect(await whoknows(ctx, "rubrik")).toEqual([]);
    expect(await whoknows(ctx, "project")).toEqual(["U0AYU"]);
    await env.DB.prepare("DELETE FROM profiles").run();
    expect(await whoknows(ctx, "project")).toEqual([]);
  });

  it("any input that leaves words runs as a valid FTS5 query", async () => {
    const ctx = await member("U0AYU", { shares: "Rubrik penilaian" });
    const nasty = [
      'shares:"x"',
      "NEAR(a b)",
      "a* ^b",
      '"unterminated',
      "a AND",
      "((( a )))",
      "x'); DROP TABLE profiles;--",
    ];
    for (const input of nasty) await expect(whoknows(ctx, input), input).resolves.toBeInstanceOf(Array);
    expect(await whoknows(ctx, "x'); DROP TABLE profiles;-- rubrik")).toEqual(["U0AYU"]);
  });

  it("returns a snippet around the hit", async () => {
    const ctx = await member("U0AYU", { shares: "Menyusun rubrik penilaian untuk SMK" });
    const query = ftsQuery("rubrik");
    const [hit] = await ctx.store.profiles.search(ctx.community.id, query?.match ?? "", 10);
    expect(snippetPieces(hit?.snippet ?? "")).toEqual([
      "Menyusun ",
      { bold: "rubrik" },
      " penilaian untuk SMK",
    ]);
  });
});
