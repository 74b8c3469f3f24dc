import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { drain, QUICK_PACE, testDelivery } from "./support/delivery.ts";
import { packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const at = NOW.getTime() / 1000;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A Slack app at NOW: commands and presses as the member or the moderator, replies as text. */
function slack() {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  const text = async (response: Response) => {
    const body = await response.text();
    return body;
  };
  return {
    command: async (line: string, user = MEMBER) =>
      text(
        await send(
          await signedSlack("/slack/commands", commandBody(line, { user_id: user }), { timestamp: at }),
        ),
      ),
    moderator: async (line: string) =>
      text(
        await send(
          await signedSlack(
            "/slack/commands",
            commandBody(line, { user_id: MODERATOR, command: "/copmod" }),
            {
              timestamp: at,
            },
          ),
        ),
      ),
    /** A press; its private answer goes to the response_url (what the stand-in recorded last). */
    press: async (packed: string, user = MODERATOR) => {
      await send(await slackButton(packed, { user, timestamp: at }));
      const sent = await sentTo("slack");
      const last = sent.filter((c) => c.method === "response_url" || c.method === "views.open").at(-1);
      return JSON.stringify(last ?? null);
    },
    submit: async (packed: string, values: Record<string, string>, user = MODERATOR) =>
      text(await send(await slackSubmit(packed, values, { user, timestamp: at }))),
  };
}

async function deliver() {
  const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
  await drain(
    deps,
    queue,
    outboxQueue.take().map((m) => (m.body as { id: number }).id),
  );
}

const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];
const communityId = async () => Number((await rows("SELECT id FROM communities"))[0]?.id);

describe("/cop report on Slack", () => {
  it("seals what happened, posts one triage card in the moderators' channel and confirms privately", async () => {
    const app = slack();
    await app.command("help", MODERATOR);
    await app.moderator("report channel <#C0MODS|mods>");
    const reply = await app.command("report someone kept sending me unkind DMs <!channel>");
    expect(reply).toContain("Your report went privately to the moderators");
    const [report] = await rows("SELECT * FROM reports");
    expect(report).toMatchObject({
      report_count: 1,
      status: "open",
      card_channel_id: "C0MODS",
      reported_user: null,
    });
    expect(String(report?.subject)).toMatch(/^note:[0-9a-f-]{36}$/);
    expect(String(report?.snapshot)).toMatch(/^v1:k0:/); // sealed, not the text
    expect(JSON.stringify(await rows("SELECT * FROM reports"))).not.toContain("unkind");
    expect(await rows("SELECT reporter, reason, reported_on FROM report_reporters")).toEqual([
      { reporter: MEMBER, reason: null, reported_on: "2027-03-05" },
    ]);
    const outbox = await rows("SELECT kind, target, idempotency_key FROM outbox");
    expect(outbox).toEqual([{ kind: "post", target: "C0MODS", idempotency_key: report?.card_key }]);
    await deliver();
    const [post] = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    const body = JSON.stringify(post?.body);
    expect(post?.body).toMatchObject({ channel: "C0MODS" });
    expect(body).toContain("someone kept sending me unkind DMs @channel");
    expect(body).not.toContain("<!channel>");
    expect(body).toContain("/cop conduct");
    expect(body).toContain("report.claim:");
  });

  it("a text over 1,000 characters is refused with the usage, and nothing is written", async () => {
    const app = slack();
    await app.command("help");
    const before = await snapshot();
    expect(await app.command(`report ${"x".repeat(1001)}`)).toContain("/cop report");
    expect(await snapshot()).toBe(before);
  });

  it("a channel alone (the moderators' setting typed under /cop) is answered with the right command; nothing is filed", async () => {
    const app = slack();
    await app.command("help", MODERATOR);
    await app.command("help");
    const before = await snapshot();
    for (const [line, user] of [
      ["report channel <#C0MODS|mods>", MODERATOR],
      ["report kanal <#C0MODS|mods>", MEMBER],
    ] as const) {
      const reply = await app.command(line, user);
      expect(reply).toContain("/copmod report channel");
      expect(reply).toContain("Nothing was reported");
    }
    expect(await snapshot()).toBe(before);
    // A report that names a channel among other words is a report.
    expect(await app.command("report channel <#C0MODS|mods> is full of spam")).toContain("Thank you");
  });

  it("at most 5 reports a day: the 6th is refused and writes nothing", async () => {
    const app = slack();
    await app.command("help", MODERATOR);
    await app.moderator("report channel <#C0MODS|mods>");
    for (let i = 1; i <= 5; i++) expect(await app.command(`report thing ${i}`)).toContain("Thank you");
    const before = await snapshot();
    expect(await app.command("report thing 6")).toContain("You have made 5 reports today");
    expect(await snapshot()).toBe(before);
    expect(await rows("SELECT count(*) AS n FROM reports")).toEqual([{ n: 5 }]);
  });

  it("without a moderators' channel the card goes by DM to every moderator; nobody to reach: kept, and said", async () => {
    const app = slack();
    await app.command("help");
    expect(await app.command("report nobody is here")).toContain("no moderator can be reached just now");
    expect(await rows("SELECT count(*) AS n FROM reports")).toEqual([{ n: 1 }]);
    expect(await rows("SELECT count(*) AS n FROM outbox")).toEqual([{ n: 0 }]);

    await app.command("help", MODERATOR); // the workspace admin is cached as a platform admin
    await env.DB.prepare("UPDATE members SET is_moderator = 1 WHERE platform_user_id = 'U0OTHERMOD'").run();
    expect(await app.command("report now someone can read it")).toContain("went privately to the moderators");
    expect(await rows("SELECT kind, target FROM outbox ORDER BY id")).toEqual([
      { kind: "dm", target: MODERATOR },
    ]);
  });
});

describe("the triage card's buttons on Slack", () => {
  async function reported() {
    const app = slack();
    await app.command("help", MODERATOR);
    await app.moderator("report channel <#C0MODS|mods>");
    await app.command("report something happened at the meeting");
    const [report] = await rows("SELECT id, card_key FROM reports");
    const ref = String(report?.card_key).slice("report:".length);
    return { app, ref, id: await communityId() };
  }

  it("a member's press is refused privately and changes nothing", async () => {
    const { app, ref, id } = await reported();
    // The press caches whether the member is a platform admin (a read's cache, not a change).
    const state = () => rows("SELECT r.*, (SELECT count(*) FROM outbox) AS sent FROM reports r");
    const before = await state();
    for (const action of ["report.claim", "report.dismiss", "report.resolve"])
      expect(await app.press(packedButton(id, action, [ref]), MEMBER)).toContain("Only moderators");
    expect(await state()).toEqual(before);
  });

  it("Claim names the moderator and edits the card; a second press changes nothing", async () => {
    const { app, ref, id } = await reported();
    expect(await app.press(packedButton(id, "report.claim", [ref]))).toContain("You claimed this report");
    expect(await rows("SELECT status, claimed_by, closed_at FROM reports")).toEqual([
      { status: "claimed", claimed_by: MODERATOR, closed_at: null },
    ]);
    const edits = await rows("SELECT target, payload FROM outbox WHERE kind = 'edit'");
    expect(edits).toHaveLength(1);
    expect(edits[0]?.target).toBe(`report:${ref}`);
    expect(String(edits[0]?.payload)).toContain("Claimed by");
    expect(String(edits[0]?.payload)).not.toContain("report.claim:");
    const before = await snapshot();
    expect(await app.press(packedButton(id, "report.claim", [ref]))).toContain("already claimed");
    expect(await snapshot()).toBe(before);
  });

  it("Dismiss closes it and tells the reporter privately; Resolve afterwards changes nothing", async () => {
    const { app, ref, id } = await reported();
    expect(await app.press(packedButton(id, "report.dismiss", [ref]))).toContain("dismissed");
    const [report] = await rows("SELECT status, closed_at FROM reports");
    expect(report).toEqual({ status: "dismissed", closed_at: NOW.toISOString() });
    const dms = await rows("SELECT target, payload FROM outbox WHERE kind = 'dm'");
    expect(dms.map((d) => d.target)).toEqual([MEMBER]);
    expect(String(dms[0]?.payload)).toContain("decided no action is needed");
    const before = await snapshot();
    expect(await app.press(packedButton(id, "report.resolve", [ref]))).toContain("already dismissed");
    expect(await snapshot()).toBe(before);
  });

  it("Resolve asks for a note (at most 300), then closes it; the reporter is told without the note", async () => {
    const { app, ref, id } = await reported();
    expect(await app.press(packedButton(id, "report.resolve", [ref]))).toContain("views.open");
    const form = packedButton(id, "report.note", [ref]);
    const before = await snapshot();
    expect(await app.submit(form, { note: "x".repeat(301) })).toContain("1 to 300 characters");
    expect(await rows("SELECT status FROM reports")).toEqual([{ status: "open" }]);
    expect(await rows("SELECT count(*) AS n FROM outbox")).toEqual([{ n: 1 }]);
    void before;
    await app.submit(form, { note: "talked with both, apology made" });
    expect(await rows("SELECT status, note, claimed_by FROM reports")).toEqual([
      { status: "resolved", note: "talked with both, apology made", claimed_by: MODERATOR },
    ]);
    const dm = await rows("SELECT payload FROM outbox WHERE kind = 'dm'");
    expect(String(dm[0]?.payload)).toContain("A moderator has handled the report");
    expect(String(dm[0]?.payload)).not.toContain("apology");
  });
});
