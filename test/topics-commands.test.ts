import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, rowCounts } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { MEMBER, MODERATOR, replyText } from "./support/slack.ts";
import { communityOf, slackAsk, topicRows } from "./support/topics.ts";
import { isolate, resetStandins, sentTo } from "./support/worker.ts";

const worker = () => isolate({ sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;
const say = async (send: Send, text: string, user = MEMBER) => replyText(await slackAsk(send, text, user));
const topicCounts = async () => {
  const counts = await rowCounts();
  return { topics: counts.topics, votes: counts.topic_votes };
};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/cop topic suggest", () => {
  it("stores a topic with the suggester's vote; the same folded title becomes a vote, with a note", async () => {
    const send = worker();
    expect(await say(send, 'topic suggest "Large classes" Group work with 40 pupils')).toContain(
      "“Large classes” is in the backlog, with your vote",
    );
    expect(await topicRows()).toEqual([
      expect.objectContaining({
        title: "Large classes",
        title_key: "large classes",
        details: "Group work with 40 pupils",
        suggested_by: MEMBER,
        source: "member",
        votes: 1,
      }),
    ]);
    const [first] = await topicRows();
    // Case, punctuation, spacing and accents fold: this is the same topic.
    expect(await say(send, "topic suggest LARGE   clässes!!", "U0OTHER")).toContain(
      `“Large classes” was already suggested as #${first?.id}; your vote was added.`,
    );
    expect(await topicCounts()).toEqual({ topics: 1, votes: 2 });
    // Suggesting it again: already voted, nothing written.
    expect(await say(send, "topic suggest large classes", "U0OTHER")).toContain("you have already voted");
    expect(await topicCounts()).toEqual({ topics: 1, votes: 2 });
  });

  it("on Slack an unquoted title is the whole line; `|` separates details", async () => {
    const send = worker();
    await say(send, "topic suggest Managing large classes");
    await say(send, "topic suggest Rubrics for projects | How do you grade group work?");
    expect((await topicRows()).map((t) => [t.title, t.details])).toEqual([
      ["Managing large classes", null],
      ["Rubrics for projects", "How do you grade group work?"],
    ]);
  });

  it("refuses a title over 150 characters, details over 500, an empty title and an 11th in a minute; stores nothing", async () => {
    const send = worker();
    await say(send, "help");
    const before = await rowCounts();
    expect(await say(send, `topic suggest ${"a".repeat(151)}`)).toContain(
      "That title is 151 characters long; a title can have at most 150",
    );
    expect(await say(send, `topic suggest "Large classes" ${"d".repeat(501)}`)).toContain(
      "The details are 501 characters long; at most 500. Nothing was saved.",
    );
    expect(await say(send, "topic suggest !!! ...")).toContain("at least one letter or digit");
    expect(await say(send, "topic suggest")).toContain("needs a title");
    expect(await rowCounts()).toEqual(before);

    for (let i = 1; i <= 10; i++) await say(send, `topic suggest Topic ${i}`);
    expect(await topicCounts()).toEqual({ topics: 10, votes: 10 });
    const tenth = await rowCounts();
    expect(await say(send, "topic suggest Topic 11")).toContain(
      "You have suggested 10 topics in the last minute",
    );
    expect(await rowCounts()).toEqual(tenth);
    // Another member is not braked by it.
    await say(send, "topic suggest Topic 11", "U0OTHER");
    expect(await topicCounts()).toEqual({ topics: 11, votes: 11 });
  });
});

describe("/cop topic vote and unvote", () => {
  it("one vote per member; unvote takes it back; unknown or retired ids get a clear error and write nothing", async () => {
    const send = worker();
    await say(send, "topic suggest Large classes", MODERATOR);
    const [topic] = await topicRows();
    const id = String(topic?.id);
    expect(await say(send, `topic vote #${id}`)).toContain(
      `Your vote for #${id} “Large classes” is counted.`,
    );
    const voted = await rowCounts();
    expect(await say(send, `topic vote ${id}`)).toContain("You already voted");
    expect(await rowCounts()).toEqual(voted);
    expect(await say(send, `topic unvote ${id}`)).toContain("is taken back");
    expect(await topicCounts()).toEqual({ topics: 1, votes: 1 });
    const after = await rowCounts();
    expect(await say(send, `topic unvote ${id}`)).toContain("You have not voted");
    expect(await say(send, "topic vote 99999")).toContain("There is no topic #99999");
    expect(await say(send, "topic vote twelve")).toContain("“twelve” is not a topic number");
    await say(send, `topic retire ${id}`, MODERATOR);
    const retired = await rowCounts();
    expect(await say(send, `topic vote ${id}`)).toContain(`Topic #${id} is no longer in the backlog`);
    expect(await rowCounts()).toEqual(retired);
    expect(after.topic_votes).toBe(1);
  });
});

describe("/cop topic", () => {
  it("on Slack the group word alone lists the backlog; an empty backlog says how to suggest", async () => {
    const send = worker();
    expect(await say(send, "topic")).toContain("The backlog is empty. Suggest a topic: /cop topic suggest");
    await say(send, "topic suggest Large classes");
    expect(await say(send, "topic")).toContain("Topic backlog");
  });
});

describe("the list's buttons", () => {
  it("a vote pressed twice (two deliveries, different ids) counts once and redraws the list in place; unvote works", async () => {
    const send = worker();
    await say(send, "topic suggest Large classes", MODERATOR);
    const [topic] = await topicRows();
    const list = replyText(await slackAsk(send, "topic list"));
    expect(list).toContain(`#${topic?.id} Large classes — 1 vote`);
    const community = await communityOf("slack");
    const vote = packedButton(community, "topic.vote", [String(topic?.id), "list"]);
    expect(list).toContain(vote);
    await send(await slackButton(vote, { trigger: "t-1" }));
    await send(await slackButton(vote, { trigger: "t-2" }));
    expect(await topicCounts()).toEqual({ topics: 1, votes: 2 });
    const updates = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(updates).toHaveLength(2);
    for (const update of updates) {
      expect(update.body).toMatchObject({ replace_original: true });
      expect(JSON.stringify(update.body)).toContain("— 2 votes · your vote");
    }
    await send(await slackButton(packedButton(community, "topic.unvote", [String(topic?.id), "list"])));
    expect(await topicCounts()).toEqual({ topics: 1, votes: 1 });
    const last = (await sentTo("slack")).filter((c) => c.method === "response_url").at(-1);
    expect(JSON.stringify(last?.body)).toContain("— 1 vote");
  });

  it("a vote button outside the list (the digest's) answers privately and leaves the message alone", async () => {
    const send = worker();
    await say(send, "topic suggest Large classes", MODERATOR);
    const [topic] = await topicRows();
    await say(send, "help");
    await send(
      await slackButton(packedButton(await communityOf("slack"), "topic.vote", [String(topic?.id)])),
    );
    const [reply] = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(reply?.body).not.toMatchObject({ replace_original: true });
    expect(JSON.stringify(reply?.body)).toContain("is counted");
    expect(await topicCounts()).toEqual({ topics: 1, votes: 2 });
  });
});

describe("moderators: pin, retire, edit", () => {
  it("pins one topic at a time, retires, edits with re-folding; a clash is refused", async () => {
    const send = worker();
    for (const title of ["Large classes", "Rubrics", "Parents' evenings"])
      await say(send, `topic suggest ${title}`);
    await say(send, "topic vote 0"); // registers nothing new
    const [a, b, c] = (await topicRows()).map((t) => String(t.id));
    expect(await say(send, `topic pin ${b}`, MODERATOR)).toContain("is pinned");
    expect(await say(send, `topic pin ${c}`, MODERATOR)).toContain("Any other pin is removed");
    expect((await topicRows()).map((t) => t.pinned)).toEqual([0, 0, 1]);
    const list = replyText(await slackAsk(send, "topic list"));
    expect(list.indexOf(`#${c} Parents`)).toBeLessThan(list.indexOf(`#${a} Large`));
    expect(list).toContain("pinned");

    expect(await say(send, `topic edit ${a} rubrics!`, MODERATOR)).toContain(
      `Topic #${b} already has the title “Rubrics”. Nothing was changed.`,
    );
    expect(await say(send, `topic edit ${a} Very large classes`, MODERATOR)).toContain(
      `#${a} is now “Very large classes”.`,
    );
    expect(await say(send, `topic retire ${c}`, MODERATOR)).toContain("has left the backlog");
    expect(await topicRows()).toEqual([
      expect.objectContaining({
        title: "Very large classes",
        title_key: "very large classes",
        status: "open",
      }),
      expect.objectContaining({ title: "Rubrics", status: "open", pinned: 0 }),
      expect.objectContaining({ status: "retired", pinned: 0 }),
    ]);
    // A retired title may be suggested again as a new topic.
    await say(send, "topic suggest Parents evenings");
    expect((await topicRows()).length).toBe(4);
  });

  it("a member is refused pin, retire and edit, and nothing is written", async () => {
    const send = worker();
    await say(send, "topic suggest Large classes");
    const [topic] = await topicRows();
    const before = await rowCounts();
    for (const line of [
      `topic pin ${topic?.id}`,
      `topic retire ${topic?.id}`,
      `topic edit ${topic?.id} New`,
    ]) {
      expect(await say(send, line)).toContain("Only moderators can use");
    }
    expect(await rowCounts()).toEqual(before);
  });
});
