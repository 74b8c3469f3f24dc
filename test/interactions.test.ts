import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { commandInteraction, signedDiscord, sub } from "./support/discord.ts";
import {
  discordButton,
  discordSubmit,
  packedButton,
  slackButton,
  slackSubmit,
  testInteractions,
} from "./support/interactions.ts";
import { slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;
const communityId = async (platform: string) =>
  (
    await env.DB.prepare("SELECT id FROM communities WHERE platform = ?")
      .bind(platform)
      .first<{ id: number }>()
  )?.id ?? 0;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("Slack buttons and modals", () => {
  it("a press reaches its action, updates the message in place, and a replay changes nothing twice", async () => {
    const worker = isolate({ interactions: testInteractions });
    await worker(await slashCommand("help"));
    const packed = packedButton(await communityId("slack"), "test.count", ["a"]);
    const press = await slackButton(packed);
    const body = await press.clone().text();
    expect((await worker(press)).status).toBe(200);
    await worker(new Request(press.url, { method: "POST", headers: press.headers, body }));
    expect(await count("outbox")).toBe(1);
    const responses = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(responses.map((r) => r.body)).toContainEqual(expect.objectContaining({ replace_original: true }));
  });

  it("a button naming another community, or pressed by a stranger, is not available and writes nothing", async () => {
    const worker = isolate({ interactions: testInteractions });
    await worker(await slashCommand("help"));
    const id = await communityId("slack");
    await worker(await slackButton(packedButton(id + 1, "test.count", ["a"])));
    await worker(await slackButton(packedButton(id, "test.count", ["a"]), { user: "U0STRANGER" }));
    await worker(await slackButton(packedButton(id, "test.count", ["zzz"])));
    await worker(await slackButton("not-ours"));
    expect(await count("outbox")).toBe(0);
    const replies = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(replies).toHaveLength(4);
    for (const reply of replies) expect(JSON.stringify(reply.body)).toContain("not available any more");
  });

  it("a moderators-only button refuses a member", async () => {
    const worker = isolate({ interactions: testInteractions });
    await worker(await slashCommand("help"));
    await worker(await slackButton(packedButton(await communityId("slack"), "test.admin")));
    const [reply] = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(JSON.stringify(reply?.body)).toContain("Only moderators");
  });

  it("a button opens a modal; field errors show in the modal; a valid submit saves once", async () => {
    const worker = isolate({ interactions: testInteractions });
    await worker(await slashCommand("help"));
    const id = await communityId("slack");
    await worker(await slackButton(packedButton(id, "test.open")));
    const [opened] = (await sentTo("slack")).filter((c) => c.method === "views.open");
    const view = JSON.parse(String((opened?.body as { view?: string } | undefined)?.view));
    expect(view).toMatchObject({ type: "modal", callback_id: `test.form:${id}`, close: { text: "Cancel" } });

    const bad = await (
      await worker(await slackSubmit(`test.form:${id}`, { name: "far too long a name" }))
    ).json();
    expect(bad).toEqual({ response_action: "errors", errors: { name: "Name: 1 to 10 characters." } });
    expect(await count("outbox")).toBe(0);

    const good = (await (await worker(await slackSubmit(`test.form:${id}`, { name: "Ayu" }))).json()) as {
      response_action: string;
      view: { blocks: unknown[] };
    };
    expect(good.response_action).toBe("update");
    expect(JSON.stringify(good.view.blocks)).toContain("saved Ayu");
    expect(await count("outbox")).toBe(1);
  });
});

describe("Discord components and modals", () => {
  const asMember = async () => {
    const worker = isolate({ interactions: testInteractions });
    await worker(await signedDiscord(commandInteraction([sub("help")])));
    return { worker, id: await communityId("discord") };
  };
  const json = async (response: Response) =>
    (await response.json()) as { type: number; data: Record<string, unknown> };

  it("a press in a DM (no server in the payload) reaches its community's action, once per interaction", async () => {
    const { worker, id } = await asMember();
    const press = discordButton(packedButton(id, "test.count", ["b"]), { guild: null });
    const first = await json(await worker(await signedDiscord(press)));
    expect(first).toMatchObject({ type: 7, data: { content: "counted b" } });
    await worker(await signedDiscord(press)); // the same interaction, replayed
    expect(await count("outbox")).toBe(1);
    await worker(await signedDiscord(discordButton(packedButton(id, "test.count", ["b"]), { guild: null })));
    expect(await count("outbox")).toBe(2); // a second press is a second interaction
  });

  it("a press from another server, or by someone guyub has never met, changes nothing", async () => {
    const { worker, id } = await asMember();
    const other = await json(
      await worker(
        await signedDiscord(
          discordButton(packedButton(id, "test.count", ["a"]), { guild: "200000000000000999" }),
        ),
      ),
    );
    const stranger = await json(
      await worker(
        await signedDiscord(
          discordButton(packedButton(id, "test.count", ["a"]), { user: "399999999999999999", guild: null }),
        ),
      ),
    );
    for (const reply of [other, stranger]) {
      expect(reply.type).toBe(4);
      expect(reply.data.content).toContain("not available any more");
      expect(reply.data.flags).toBe(64);
    }
    expect(await count("outbox")).toBe(0);
  });

  it("a button opens the modal; an invalid submit gets the errors and a button that reopens it filled in", async () => {
    const { worker, id } = await asMember();
    const modal = await json(await worker(await signedDiscord(discordButton(packedButton(id, "test.open")))));
    expect(modal).toMatchObject({ type: 9, data: { custom_id: `test.form:${id}`, title: "Test form" } });

    const bad = await json(
      await worker(await signedDiscord(discordSubmit(`test.form:${id}`, { name: "far too long a name" }))),
    );
    expect(bad.type).toBe(4);
    expect(String(bad.data.content)).toContain("Name: 1 to 10 characters.");
    expect(await count("outbox")).toBe(0);
    const reopen = (bad.data.components as { components: { custom_id: string }[] }[])[0]?.components[0]
      ?.custom_id;
    expect(reopen).toBe(`form.reopen:${id}:test.form`);

    const again = await json(await worker(await signedDiscord(discordButton(reopen as string))));
    expect(again.type).toBe(9);
    expect(JSON.stringify(again.data)).toContain("far too long a name"); // the answer is kept

    const good = await json(
      await worker(await signedDiscord(discordSubmit(`test.form:${id}`, { name: "Ayu" }))),
    );
    expect(good).toMatchObject({ type: 4, data: { content: "saved Ayu", flags: 64 } });
    expect(await count("outbox")).toBe(1);
    expect(await count("form_drafts")).toBe(0);
  });
});
