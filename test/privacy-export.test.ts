import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { clockedDelivery, drain, QUICK_PACE, testDelivery } from "./support/delivery.ts";
import { commandInteraction, DISCORD_MEMBER, group, signedDiscord, sub } from "./support/discord.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { countWhere } from "./support/membership.ts";
import { MEMBER, slashCommand } from "./support/slack.ts";
import { injectFault } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const worker = isolate({ now: () => new Date(), sessionCacheMs: 0 });
const queued = () => outboxQueue.take().map((m) => (m.body as { id: number }).id);
const calls = async (platform: "slack" | "discord", method: string) =>
  (await sentTo(platform)).filter((c) => c.method === method);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** Ayu on Slack with a profile answer, a kudos given and a report about her (by date only). */
async function ayuWithData(): Promise<number> {
  await worker(await slashCommand("help"));
  const id = (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;
  const at = "2027-03-01T09:00:00.000Z";
  await env.DB.batch([
    env.DB.prepare("UPDATE members SET display_name = 'Ayu'"),
    env.DB.prepare(
      "INSERT INTO reports (community_id, subject, reported_user, snapshot, created_at) VALUES (?, 'note:x', ?, 'sealed-secret', ?)",
    ).bind(id, MEMBER, at),
  ]);
  outboxQueue.take();
  return id;
}

async function deliverAll() {
  const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
  await drain(deps, queue, queued());
}

describe("/cop profile export on Slack", () => {
  it("answers with a readable summary and sends the whole as a JSON file in her DM, once", async () => {
    await ayuWithData();
    const reply = await (await worker(await slashCommand("profile export"))).text();
    expect(reply).toContain("What guyub keeps about you");
    expect(reply).toMatch(/Reports: 1 item(?![s(])/);
    expect(reply).toContain("JSON file");
    expect(
      await countWhere("outbox", "kind = 'dm' AND target = ? AND idempotency_key LIKE 'export:%'", MEMBER),
    ).toBe(1);
    await deliverAll();

    const [asked] = await calls("slack", "files.getUploadURLExternal");
    expect(asked?.body).toMatchObject({
      filename: expect.stringMatching(/^guyub-export-\d{4}-\d{2}-\d{2}\.json$/),
    });
    const [upload] = await calls("slack", "upload");
    const uploaded = String((upload?.body as { text?: string } | undefined)?.text);
    const sent = JSON.parse(uploaded) as {
      member: string;
      data: { reports: { reportsAbout: { day: string }[] } };
    };
    expect(sent.member).toBe(MEMBER);
    // Reports about her by date only: no reporter, no content.
    expect(sent.data.reports.reportsAbout).toEqual([{ day: "2027-03-01" }]);
    expect(uploaded).not.toContain("sealed-secret");
    const [complete] = await calls("slack", "files.completeUploadExternal");
    expect(complete?.body).toMatchObject({ channel_id: "D0MEMBER" });
    expect(await countWhere("outbox", "status = 'sent'")).toBe(1);

    // Delivered once: a second drain finds nothing to send.
    await deliverAll();
    expect(await calls("slack", "files.completeUploadExternal")).toHaveLength(1);
  });

  it("a failed completion is retried through the outbox and shares the file exactly once", async () => {
    await ayuWithData();
    await worker(await slashCommand("profile export"));
    await injectFault({ platform: "slack", match: "files.completeUploadExternal", status: 500 });
    await deliverAll();
    expect(await calls("slack", "files.completeUploadExternal")).toHaveLength(1);
    expect(await calls("slack", "files.getUploadURLExternal")).toHaveLength(2);
    expect(await countWhere("outbox", "status = 'sent'")).toBe(1);
  });

  it("an export too large for one file is refused with a clear answer, and nothing is sent", async () => {
    const id = await ayuWithData();
    // 2,000 kudos with 300-character reasons: far more than any member has, past the 512 KB cap.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
       SELECT ?, 'U0OTHER', ?, printf('%.300c', 'x'), 'C0GENERAL', '2027-03-01', 'k' || i, '2027-03-01' FROM n`,
    )
      .bind(id, MEMBER)
      .run();
    await worker(await slashCommand("help")); // her name, as Slack sends it, is stored first
    const before = await snapshot();
    const reply = await (await worker(await slashCommand("profile export"))).text();
    expect(reply).toContain("too large");
    expect(await snapshot()).toBe(before);
    expect(queued()).toEqual([]);
  });

  it("someone who was forgotten gets a clear answer and nothing is sent", async () => {
    const id = await ayuWithData();
    await worker(await slackButton(packedButton(id, "privacy.forget")));
    outboxQueue.take();
    const after = await snapshot();
    const forgotten = await (await worker(await slashCommand("profile export"))).text();
    expect(forgotten).toContain("You asked guyub to forget you");
    expect(await snapshot()).toBe(after);
    expect(queued()).toEqual([]);
  });
});

describe("/cop profile export on Discord", () => {
  const exportCommand = () => commandInteraction([group("profile", sub("export"))]);
  const webhookPosts = async () =>
    (await sentTo("discord")).filter((c) => c.method === "POST" && String(c.route).includes("/webhooks/"));

  it("sends the JSON file as an attachment of the ephemeral follow-up (multipart payload_json + files[0])", async () => {
    const answer = await worker(await signedDiscord(exportCommand()));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("in a private message below this one");
    expect(await countWhere("outbox", "kind = 'followup' AND target = ?", DISCORD_MEMBER)).toBe(1);
    await deliverAll();
    const posts = await webhookPosts();
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body as {
      flags: number;
      attachments: { id: number; filename: string }[];
      __uploaded_files: { index: number; text: string }[];
    };
    expect(body.flags).toBe(64);
    expect(body.attachments).toEqual([{ id: 0, filename: expect.stringMatching(/\.json$/) }]);
    expect(JSON.parse(body.__uploaded_files[0]?.text ?? "{}")).toMatchObject({ member: DISCORD_MEMBER });
    expect((posts[0]?.response as { attachments: unknown[] } | undefined)?.attachments).toHaveLength(1);
    // No DM was opened: the follow-up reaches a member whose DMs are closed.
    expect((await sentTo("discord")).filter((c) => String(c.route).includes("/messages"))).toEqual([]);
    expect(await countWhere("outbox", "status = 'sent'")).toBe(1);
  });

  it("a retry of the same interaction writes and sends nothing twice", async () => {
    const interaction = exportCommand();
    await worker(await signedDiscord(interaction));
    await worker(await signedDiscord(interaction));
    expect(await countWhere("outbox", "idempotency_key LIKE 'export:%'")).toBe(1);
    await deliverAll();
    await deliverAll();
    expect(await webhookPosts()).toHaveLength(1);
  });

  it("once the interaction token has expired, the file goes as a DM attachment instead", async () => {
    await worker(await signedDiscord(exportCommand()));
    const late = clockedDelivery();
    late.at(15 * 60_000);
    await late.deliver(queued());
    expect(await webhookPosts()).toEqual([]);
    const [created] = (await sentTo("discord")).filter(
      (c) => c.method === "POST" && String(c.route).endsWith("/messages"),
    );
    const body = created?.body as { attachments: { id: number; filename: string }[] };
    expect(body.attachments).toEqual([{ id: 0, filename: expect.stringMatching(/\.json$/) }]);
    expect((created?.response as { attachments: unknown[] } | undefined)?.attachments).toHaveLength(1);
    expect(await countWhere("outbox", "status = 'sent'")).toBe(1);
  });
});
