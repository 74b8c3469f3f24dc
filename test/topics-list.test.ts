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
    expect(blocks.filter((b) => b.type === "actions")).toHaveLength(5);
    const text = replyText(reply);
    expect(text).toContain("…and 490 more. Vote for any topic by its number: /cop topic vote 12");
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
    expect(list.data.content).toContain("1 dukungan · Anda mendukung");
    expect(list.data.components[0]?.components.map((c) => c.label)).toEqual([
      `Dukung #${(await topicRows())[0]?.id}`,
      `Batal dukung #${(await topicRows())[0]?.id}`,
    ]);
  });
});
