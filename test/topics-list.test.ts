import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { commandInteraction, group, signedDiscord, str, sub } from "./support/discord.ts";
import { discordButton, packedButton } from "./support/interactions.ts";
import { replyText } from "./support/slack.ts";
import { communityOf, seedTopics, slackAsk, topicRows } from "./support/topics.ts";
import { isolate, resetStandins } from "./support/worker.ts";

interface DiscordReply {
  type: number;
  data: {
    content: string;
    components: { type: number; components: { custom_id: string; label: string }[] }[];
    allowed_mentions: { parse: string[]; users: string[]; roles: string[] };
  };
}

const worker = () => isolate({ sessionCacheMs: 0 });
const discord = async (send: ReturnType<typeof worker>, subcommand: unknown, user?: string) =>
  (await (
    await send(await signedDiscord(commandInteraction([subcommand], { user })))
  ).json()) as DiscordReply;
const topic = (name: string, options: unknown[] = []) => group("topic", sub(name, options));

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("topic list for a backlog of 500", () => {
  it("Slack: the top topics within 50 blocks, with buttons, and how many more there are", async () => {
    const send = worker();
    await slackAsk(send, "help");
    await seedTopics(await communityOf("slack"), 500);
    const reply = await slackAsk(send, "topic list");
    const blocks = reply.blocks as { type: string; elements?: unknown[] }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    // Four topics with Vote / Unvote, then the page buttons.
    expect(blocks.filter((b) => b.type === "actions")).toHaveLength(5);
    const text = replyText(reply);
    expect(text).toContain("Topic backlog · page 1 of 50");
    expect(text).toContain(
      "…and 490 more on the next pages: /cop topic list 2, or the buttons below. Vote for any topic by its number: /cop topic vote 12",
    );
    // Oldest first among equal votes; titles escaped (`<!channel>` never pings).
    const oldest = await env.DB.prepare(
      "SELECT id FROM topics WHERE title_key = 'seeded topic number 1'",
    ).first<{
      id: number;
    }>();
    const first = blocks.find((b) => b.type === "section") as { text: { text: string } } | undefined;
    expect(first?.text.text).toBe(
      `#${oldest?.id} Seeded topic number 1 about &lt;!channel&gt; &amp; more — 0 votes`,
    );
    expect(text).not.toContain("<!channel>");
  });

  it("Discord: at most 5 action rows, content within 2,000 characters, mentions none", async () => {
    const send = worker();
    await discord(send, sub("help"));
    await seedTopics(await communityOf("discord"), 500);
    const reply = await discord(send, topic("list"));
    expect(reply.type).toBe(4);
    expect(reply.data.components.length).toBeLessThanOrEqual(5);
    // 4 × (Vote, Unvote), then Next and My suggestions.
    expect(reply.data.components.flatMap((row) => row.components)).toHaveLength(10);
    expect(reply.data.content.length).toBeLessThanOrEqual(2000);
    expect(reply.data.content).toContain("490 more");
    expect(reply.data.allowed_mentions).toEqual({ parse: [], users: [], roles: [] });
  });
});

describe("titles are member text", () => {
  it("<!channel>, @everyone and <@U123> in a title notify nobody on Slack or Discord", async () => {
    const send = worker();
    // As Slack sends it: specials and mentions in angle brackets, "&" as "&amp;".
    await slackAsk(send, 'topic suggest "<!channel> @everyone <@U123> &amp; co" ping test');
    const [first] = await topicRows();
    expect(first).toMatchObject({ title: "@channel @everyone @U123 & co" });
    const slack = replyText(await slackAsk(send, "topic list"));
    expect(slack).toContain("@channel @everyone @U123 &amp; co");
    expect(slack).not.toMatch(/<!channel>|<@U123>/);

    await discord(send, topic("suggest", [str("title", "@everyone <@300000000000000009> @here")]));
    const [, stored] = await topicRows();
    expect(stored).toMatchObject({ title: "@everyone <@300000000000000009> @here", votes: 1 });
    const reply = await discord(send, topic("list"));
    expect(reply.data.allowed_mentions).toEqual({ parse: [], users: [], roles: [] });
    expect(reply.data.content).toContain("\\<@300000000000000009\\>");
  });
});

describe("Discord: suggest, list and a vote button", () => {
  it("the press updates the list in place (type 7) and counts once", async () => {
    const send = worker();
    await discord(
      send,
      topic("suggest", [str("title", "Kelas besar"), str("details", "40 murid")]),
      "300000000000000007",
    );
    const [row] = await topicRows();
    expect(row).toMatchObject({ title: "Kelas besar", details: "40 murid", votes: 1 });
    await discord(send, sub("help"));
    const list = await discord(send, topic("list"));
    const ids = list.data.components.flatMap((r) => r.components.map((c) => c.custom_id));
    const vote = packedButton(await communityOf("discord"), "topic.vote", [String(row?.id), "list"]);
    expect(ids).toContain(vote);
    for (let i = 0; i < 2; i++) {
      const pressed = (await (await send(await signedDiscord(discordButton(vote)))).json()) as DiscordReply;
      expect(pressed.type).toBe(7);
      expect(pressed.data.content).toContain("Kelas besar — 2 votes · your vote");
    }
    expect((await topicRows())[0]).toMatchObject({ votes: 2 });
  });

  it("speaks Bahasa Indonesia in an Indonesian community", async () => {
    const send = worker();
    await discord(send, sub("help"));
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    await discord(send, topic("suggest", [str("title", "Kelas besar")]));
    const list = await discord(send, topic("list"));
    expect(list.data.content).toContain("Daftar usulan topik");
    expect(list.data.content).toContain("1 dukungan · usulan Anda · Anda mendukung");
    expect(list.data.components[0]?.components.map((c) => c.label)).toEqual([
      `Dukung #${(await topicRows())[0]?.id}`,
      `Batal dukung #${(await topicRows())[0]?.id}`,
    ]);
  });
});

describe("paging through the backlog", () => {
  it("/cop topic list 2 and the Next / Previous buttons reach every topic, the last page included", async () => {
    const send = worker();
    await discord(send, sub("help"));
    const community = await communityOf("discord");
    await seedTopics(community, 25);
    const ids = async (where: "list" | "mine", page?: number) =>
      packedButton(community, "topic.page", page ? [where, String(page)] : [where]);
    const labels = (reply: DiscordReply) => reply.data.components.at(-1)?.components.map((c) => c.label);
    const second = await discord(send, topic("list", [str("page", "2")]));
    expect(second.data.content).toContain("Topic backlog · page 2 of 3");
    expect(second.data.content).toContain("Seeded topic number 11 about");
    expect(second.data.content).toContain("Seeded topic number 20 about");
    expect(second.data.content).not.toMatch(/Seeded topic number (10|21) about/);
    expect(labels(second)).toEqual(["‹ Previous", "Next ›", "My suggestions"]);
    const press = async (customId: string) =>
      (await (await send(await signedDiscord(discordButton(customId)))).json()) as DiscordReply;
    const last = await press(await ids("list", 3));
    expect(last.type).toBe(7);
    expect(last.data.content).toContain("page 3 of 3");
    expect(last.data.content).toContain("Seeded topic number 25 about");
    expect(labels(last)).toEqual(["‹ Previous", "My suggestions"]);
    // A vote pressed on page 3 redraws page 3.
    const row = (await topicRows()).find((r) => r.title_key === "seeded topic number 21");
    const vote = packedButton(community, "topic.vote", [String(row?.id), "list", "3"]);
    expect(last.data.components.flatMap((r) => r.components.map((c) => c.custom_id))).toContain(vote);
    const voted = await press(vote);
    expect(voted.data.content).toContain("page 3 of 3");
    // A page past the end shows the last; a word that is no page is refused in words.
    expect((await discord(send, topic("list", [str("page", "9")]))).data.content).toContain("page 3 of 3");
    const bad = await discord(send, topic("list", [str("page", "abc")]));
    expect(bad.data.content).toContain("“abc” is not a page of the list.");
  });

  it("shows a member her own suggestions, marked in the list, in both languages", async () => {
    const send = worker();
    await slackAsk(send, "help");
    await seedTopics(await communityOf("slack"), 12);
    await slackAsk(send, "topic suggest Menilai kerja praktikum", "U0SITI");
    const all = replyText(await slackAsk(send, "topic list", "U0SITI"));
    expect(all).toContain("Menilai kerja praktikum — 1 vote · your suggestion · your vote");
    const mine = replyText(await slackAsk(send, "topic list mine", "U0SITI"));
    expect(mine).toContain("Your suggestions");
    expect(mine).toContain("Menilai kerja praktikum");
    expect(mine).not.toContain("Seeded topic");
    expect(replyText(await slackAsk(send, "topic list mine"))).toContain(
      "None of your suggestions is in the backlog right now.",
    );
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    const saya = replyText(await slackAsk(send, "topic list saya", "U0SITI"));
    expect(saya).toContain("Usulan Anda");
    expect(saya).toContain("Menilai kerja praktikum — 1 dukungan · usulan Anda · Anda mendukung");
    const paged = replyText(await slackAsk(send, "topic list"));
    expect(paged).toContain("Daftar usulan topik · halaman 1 dari 2");
    expect(paged).toContain(
      "…dan 3 lainnya di halaman berikutnya: ketik /cop topic list 2 atau gunakan tombol di bawah.",
    );
  });
});
