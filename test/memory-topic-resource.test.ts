import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { rows, slackAt } from "./support/meetings.ts";
import { MEMBER } from "./support/slack.ts";
import { resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-03T03:00:00Z");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/cop topic resource", () => {
  it("shares a link on an open topic once; bad input and a repeat store nothing", async () => {
    await slackAt(NOW, 'topic suggest "Rubrics for group work"', MEMBER);
    const [topic] = await rows("SELECT id FROM topics");
    const id = String(topic?.id);
    expect(
      await slackAt(NOW, `topic resource ${id} <https://example.org/r> Rubric template`, MEMBER),
    ).toContain(`The link is shared on topic #${id}`);
    expect(await rows("SELECT topic_id, url, title, added_by FROM topic_resources")).toEqual([
      { topic_id: topic?.id, url: "https://example.org/r", title: "Rubric template", added_by: MEMBER },
    ]);
    const before = await snapshot();
    expect(await slackAt(NOW, `topic resource ${id} https://example.org/r Again`, "U0OTHER")).toContain(
      "already shared",
    );
    expect(await rows("SELECT count(*) AS n FROM topic_resources")).toEqual([{ n: 1 }]);
    await slackAt(NOW, "help", "U0THIRD");
    const settled = await snapshot();
    const cases: [string, string][] = [
      [`topic resource ${id} javascript:alert(1) Click`, "is not a link I can share"],
      [`topic resource ${id} https://example.org/x ${"t".repeat(201)}`, "the most is 200"],
      [`topic resource ${id} https://example.org/x`, `/cop topic resource ${id} https://example.org/rubric`],
      ["topic resource 999 https://example.org/x Title", "#999"],
    ];
    for (const [line, answer] of cases) expect(await slackAt(NOW, line, "U0THIRD")).toContain(answer);
    expect(await snapshot()).toBe(settled);
    expect(before).not.toBe("");
  });

  it("the topic list says how many links each topic has", async () => {
    await slackAt(NOW, 'topic suggest "Rubrics for group work"', MEMBER);
    await slackAt(NOW, 'topic suggest "Lab kits"', MEMBER);
    const [rubrics, kits] = await rows("SELECT id FROM topics ORDER BY id");
    expect(await slackAt(NOW, "topic list", MEMBER)).not.toContain("link");
    await slackAt(NOW, `topic resource ${rubrics?.id} https://example.org/a Template`, MEMBER);
    await slackAt(NOW, `topic resource ${rubrics?.id} https://example.org/b Examples`, MEMBER);
    await slackAt(NOW, `topic resource ${kits?.id} https://example.org/c Shopping list`, MEMBER);
    const list = await slackAt(NOW, "topic list", MEMBER);
    expect(list).toContain(`#${rubrics?.id} Rubrics for group work — 1 vote · 2 links`);
    expect(list).toContain(`#${kits?.id} Lab kits — 1 vote · 1 link`);
  });
});
