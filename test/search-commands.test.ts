import { beforeEach, describe, expect, it } from "vitest";
import { discordMessageText } from "../scripts/standins/transcript.ts";
import { renderDiscordMessage } from "../src/adapters/discord/render.ts";
import { renderSlackMessage, slackPermalink } from "../src/adapters/slack/render.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { KnowledgeHit } from "../src/features/search/index.ts";
import { searchResults } from "../src/features/search/view.ts";
import { resetDb, rowCounts } from "./support/db.ts";
import { commandInteraction, GUILD, signedDiscord, str, sub } from "./support/discord.ts";
import { seedEntry, seedSentPost, seedTopic } from "./support/knowledge.ts";
import { memberContext } from "./support/profiles.ts";
import { replyText, slashCommand } from "./support/slack.ts";
import { resetStandins, send } from "./support/worker.ts";

const slack = async (text: string, fields: Record<string, string> = {}) => {
  const response = await send(await slashCommand(text, fields));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { response_type: string; text?: string; blocks?: unknown[] };
  expect(body.response_type).toBe("ephemeral");
  return replyText(body);
};

const discord = async (words: string, locale = "en-US") => {
  const interaction = commandInteraction([sub("search", [str("words", words)])], { guildLocale: locale });
  const response = await send(await signedDiscord(interaction));
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { content: string; flags?: number } }).data;
};

async function community(platform: "slack" | "discord", locale: "en" | "id" = "en") {
  const user = platform === "slack" ? "U0MEMBER" : "300000000000000001";
  return (await memberContext(platform, user, { locale })).community.id;
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/cop search on Slack", () => {
  it("lists the hits best first with the meeting's date and a permalink to its record", async () => {
    const c = await community("slack");
    await seedEntry(c, {
      day: "2027-03-02",
      number: 4,
      kind: "note",
      body: "We agreed a rubric for group work",
    });
    await seedEntry(c, {
      day: "2027-03-02",
      number: 5,
      kind: "resource",
      body: "Rubric <!channel> template",
      url: "https://example.org/rubric?a=1&b=2",
    });
    await seedTopic(c, { title: "Rubrics in projects" });
    await seedSentPost(c, "record:2027-03-02", { channel: "C0GENERAL", message: "1772431200.000100" });
    const text = await slack("search rubric");
    expect(text).toContain("What the community has kept about “rubric”");
    expect(text).toContain("*Note 4* · meeting of 2 March 2027 · ");
    expect(text).toContain(
      "<https://guru-penggerak.slack.com/archives/C0GENERAL/p1772431200000100|see the record>",
    );
    expect(text).toContain("We agreed a *rubric* for group work");
    // Member text is escaped: no mass mention, the link shown as typed.
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("https://example.org/rubric?a=1&amp;b=2");
    expect(text).toContain("suggested, not yet a meeting's topic");
    expect(text).toContain("Best matches first.");
  });

  it("in Bahasa Indonesia", async () => {
    const c = await community("slack", "id");
    await seedEntry(c, {
      day: "2027-03-02",
      number: 1,
      kind: "action",
      body: "Budi membagikan rubrik penilaian",
    });
    await seedSentPost(c, "announce:2027-03-02", { channel: "C0GENERAL", message: "1772000000.000100" });
    const text = await slack("search penilaian");
    expect(text).toContain("Yang disimpan komunitas tentang “penilaian”");
    expect(text).toContain("*Tindak lanjut 1* · pertemuan 2 Maret 2027 · ");
    expect(text).toContain("|lihat pengumuman>");
    expect(await slack("search astronomi")).toContain(
      "Belum ada catatan, sumber, tindak lanjut, atau topik pertemuan yang menyebut “astronomi”.",
    );
  });

  it("names who took an action on, or a former member once they were forgotten", async () => {
    const c = await community("slack");
    await seedEntry(c, {
      day: "2027-03-02",
      number: 1,
      kind: "action",
      body: "Share the rubric",
      assignee: "U0BUDI",
    });
    await seedEntry(c, {
      day: "2027-03-02",
      number: 2,
      kind: "action",
      body: "Test the rubric",
      assignee: "former:7",
    });
    const text = await slack("search rubric");
    expect(text).toContain("*Action 1* (<@U0BUDI>) · meeting of 2 March 2027");
    expect(text).toContain("*Action 2* (a former member) · meeting of 2 March 2027");
    expect(text).not.toContain("former:7");
  });

  it("says so when nothing matches", async () => {
    await community("slack");
    expect(await slack("search astronomy")).toContain(
      "No meeting note, resource, action or topic mentions “astronomy” yet.",
    );
  });

  it("quotes and operators only: a clear answer, nothing written", async () => {
    await community("slack");
    await slack("help");
    const before = await rowCounts();
    for (const input of ["AND OR NOT", "*** ^ :", "NEAR(,)", '" OR "']) {
      expect(await slack(`search ${input}`), input).toContain(
        "Please give me a word or two to look for, e.g. /cop search assessment rubric.",
      );
    }
    // Quotes alone are read by the command line itself: its own clear answer.
    expect(await slack('search "" ""')).toContain("is not a valid subject");
    expect(await rowCounts()).toEqual(before);
  });

  it("with no words at all: the usual missing-argument answer", async () => {
    expect(await slack("search")).toContain("/cop search needs a subject.");
  });
});

describe("/cop search on Discord", () => {
  it("the words option; the record as a masked link to the message", async () => {
    const c = await community("discord");
    await seedEntry(c, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik penilaian untuk proyek" });
    await seedSentPost(c, "record:2027-03-02", {
      channel: "600000000000000001",
      message: "700000000000000009",
    });
    const data = await discord("rubrik");
    expect(data.flags).toBe(64);
    expect(data.content).toContain(
      `[see the record](https://discord.com/channels/${GUILD}/600000000000000001/700000000000000009)`,
    );
    expect(data.content).toContain("**Rubrik** penilaian untuk proyek");
    expect((await discord('"" OR ""')).content).toContain("Please give me a word or two");
  });
});

describe("the message link, rendered by each adapter", () => {
  const ref = { workspace: "T0GUYUB01", channel: "C0GENERAL", id: "1772431200.000100" };
  const message = { blocks: [{ type: "text" as const, text: [{ message: ref, label: "the <record>" }] }] };
  const ephemeral = { ...message, visibility: "ephemeral" as const };

  it("Slack: the archive permalink with the workspace's subdomain, else app_redirect to the channel", () => {
    expect(slackPermalink(ref, { domain: "guru-penggerak" })).toBe(
      "https://guru-penggerak.slack.com/archives/C0GENERAL/p1772431200000100",
    );
    expect(slackPermalink(ref)).toBe("https://slack.com/app_redirect?team=T0GUYUB01&channel=C0GENERAL");
    // A subdomain that is not one is not written into a URL.
    expect(slackPermalink(ref, { domain: "evil.com/x?" })).toBe(
      "https://slack.com/app_redirect?team=T0GUYUB01&channel=C0GENERAL",
    );
    expect(JSON.stringify(renderSlackMessage(ephemeral).blocks)).toContain(
      "<https://slack.com/app_redirect?team=T0GUYUB01&channel=C0GENERAL|the &lt;record&gt;>",
    );
  });

  it("Discord: a masked link to discord.com/channels/<guild>/<channel>/<message>, label escaped", () => {
    const discordRef = { workspace: GUILD, channel: "600000000000000001", id: "700000000000000009" };
    const rendered = renderDiscordMessage({
      blocks: [{ type: "text", text: [{ message: discordRef, label: "the [record]" }] }],
      visibility: "ephemeral",
    });
    expect(rendered.content).toBe(
      `[the \\[record\\]](https://discord.com/channels/${GUILD}/600000000000000001/700000000000000009)`,
    );
    // The stand-ins' transcript reads it as its label, as Discord shows it.
    expect(discordMessageText(rendered)).toBe("the \\[record\\]");
  });
});

describe("the answer fits one message", () => {
  const hit = (n: number): KnowledgeHit => ({
    kind: "resource",
    number: n,
    snippet: `Rubric \ue000template\ue001 number ${n}`,
    detail: null,
    assignee: null,
    url: `https://example.org/${"x".repeat(470)}/${n}`,
    topicTitle: null,
    meetingDay: "2027-03-02",
    record: {
      kind: "record",
      ref: { workspace: GUILD, channel: "600000000000000001", id: "700000000000000009" },
    },
  });

  it("shows the best that fit Discord's 2,000 characters and says how to narrow the search", () => {
    const t = translator("en");
    const message = searchResults(
      t,
      "template",
      Array.from({ length: 10 }, (_, i) => hit(i + 1)),
    );
    const content = renderDiscordMessage(message).content;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).not.toMatch(/…$/);
    expect(content).toContain("Only the 2 best matches fit here: add a word to narrow the search.");
    expect(content).toContain("/2\n");
    expect(content).not.toContain("Resource 3");
  });

  it("all of them when they fit", () => {
    const t = translator("id");
    const small = Array.from({ length: 3 }, (_, i) => ({ ...hit(i + 1), url: null }));
    const content = renderDiscordMessage(searchResults(t, "template", small)).content;
    expect(content).toContain("Hasil yang paling cocok ditampilkan lebih dulu.");
    expect(content.match(/Sumber \d/g)).toHaveLength(3);
  });
});

// The community's own rows only, through the command too.
it("never shows another community's rows", async () => {
  const other = await community("discord");
  await seedEntry(other, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik rahasia" });
  await community("slack");
  expect(await slack("search rahasia")).toContain("No meeting note");
});
