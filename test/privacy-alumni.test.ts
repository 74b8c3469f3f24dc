import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { drain, testDelivery } from "./support/delivery.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { countWhere } from "./support/membership.ts";
import { MEMBER, slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// Someone who stepped back (`/cop leave`) still has data guyub keeps: they may see it and erase
// it without rejoining, and doing so does not make them active again.
const worker = isolate({ now: () => new Date(), sessionCacheMs: 0 });
const queued = () => outboxQueue.take().map((m) => (m.body as { id: number }).id);
const ayu = () =>
  env.DB.prepare("SELECT status, left_at FROM members WHERE platform_user_id = ?")
    .bind(MEMBER)
    .first<{ status: string; left_at: string | null }>();
const text = async (command: string) => (await worker(await slashCommand(command))).text();

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** Ayu on Slack, who stepped back. Returns the community id. */
async function alumnaAyu(): Promise<number> {
  await worker(await slashCommand("help"));
  await worker(await slashCommand("leave"));
  expect((await ayu())?.status).toBe("alumni");
  outboxQueue.take();
  return (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;
}

describe("an alumna's own data", () => {
  it("she exports: the summary and the JSON file in her DM, and she stays alumni", async () => {
    await alumnaAyu();
    const left = await ayu();
    const reply = await text("profile export");
    expect(reply).toContain("What guyub keeps about you");
    expect(reply).not.toContain("/cop join");
    const { deps, queue } = testDelivery();
    await drain(deps, queue, queued());
    const [upload] = (await sentTo("slack")).filter((c) => c.method === "upload");
    const sent = JSON.parse(String((upload?.body as { text?: string } | undefined)?.text)) as {
      member: string;
      data: { membership: unknown };
    };
    expect(sent.member).toBe(MEMBER);
    expect(await countWhere("outbox", "status = 'sent'")).toBe(1);
    expect(await ayu()).toEqual(left);
  });

  it("she asks to be forgotten and presses the button: erased, on the forgotten list", async () => {
    const id = await alumnaAyu();
    const asked = await text("profile forget");
    expect(asked).not.toContain("/cop join");
    expect(asked).toContain("privacy.forget");
    await worker(await slackButton(packedButton(id, "privacy.forget")));
    expect(await countWhere("members", "platform_user_id = ?", MEMBER)).toBe(0);
    expect(await countWhere("forgotten_members")).toBe(1);
    expect(await snapshot()).not.toContain(MEMBER);

    // Forgotten now: her next command gets the forgotten answer, and nothing is written.
    const before = await snapshot();
    expect(await text("profile export")).toContain("You asked guyub to forget you");
    expect(await snapshot()).toBe(before);
    expect(queued()).toEqual([]);
  });

  it("other buttons and commands still tell her she stepped back, and change nothing", async () => {
    const id = await alumnaAyu();
    const before = await snapshot();
    expect(await text("profile show")).toContain("/cop join");
    const pressed = await worker(await slackButton(packedButton(id, "form.reopen")));
    expect(pressed.status).toBe(200);
    expect(await snapshot()).toBe(before);
  });
});
