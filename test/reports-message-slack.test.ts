import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { registry } from "../src/core/commands/index.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack, TEAM } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const at = NOW.getTime() / 1000;
const AUTHOR = "U0AUTHOR";
const TS = "1772600000.000100";
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A message shortcut as Slack sends it (`message_action`, form field `payload`). */
function shortcut(message: Record<string, unknown>, user = MEMBER) {
  const payload = {
    type: "message_action",
    token: "legacy",
    action_ts: "1772600100.000200",
    team: { id: TEAM, domain: "guru-penggerak" },
    user: { id: user, name: "ayu", username: "ayu", team_id: TEAM },
    channel: { id: "C0GENERAL", name: "general" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: "report_message",
    trigger_id: `${Date.now()}.${Math.random().toString().slice(2)}.sc`,
    response_url: `${standinsBase()}/slack/response/${crypto.randomUUID()}`,
    message_ts: message.ts,
    message: { type: "message", team: TEAM, ...message },
  };
  return signedSlack(
    "/slack/interactions",
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    {
      timestamp: at,
    },
  );
}

function slack() {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  return {
    send,
    copmod: async (line: string) =>
      send(
        await signedSlack("/slack/commands", commandBody(line, { user_id: MODERATOR, command: "/copmod" }), {
          timestamp: at,
        }),
      ),
    /** The shortcut's answer: the modal it opened, or the private reply to its response_url. */
    shortcut: async (message: Record<string, unknown>, user = MEMBER) => {
      await send(await shortcut(message, user));
      const last = (await sentTo("slack"))
        .filter((c) => c.method === "views.open" || c.method === "response_url")
        .at(-1);
      return JSON.stringify(last ?? null);
    },
    submit: async (packed: string, values: Record<string, string>, user = MEMBER) =>
      (await send(await slackSubmit(packed, values, { user, timestamp: at }))).text(),
  };
}

const MESSAGE = { user: AUTHOR, ts: TS, text: "you clearly know nothing about teaching <!here>" };

describe("the Slack message shortcut “Report to moderators”", () => {
  it("opens the reason form, keeps the message sealed meanwhile, and the submission files the report", async () => {
    const app = slack();
    await app.copmod("report channel <#C0MODS|mods>");
    const opened = await app.shortcut(MESSAGE);
    expect(opened).toContain("views.open");
    expect(opened).toContain("Report to moderators");
    const [draft] = await rows("SELECT form_id, answers FROM form_drafts");
    expect(draft?.form_id).toBe("report.why");
    expect(String(draft?.answers)).not.toContain("teaching");
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const form = packedButton(id, "report.why", [TS]);
    // The form carries only the ids: the text comes from the sealed draft, as it was when reported.
    expect(await app.submit(form, { reason: "belittling a new teacher" })).toContain("went privately");
    const [report] = await rows("SELECT subject, reported_user, message_link, snapshot FROM reports");
    expect(report).toMatchObject({
      subject: `message:C0GENERAL:${TS}`,
      reported_user: AUTHOR,
      message_link: "https://guru-penggerak.slack.com/archives/C0GENERAL/p1772600000000100",
    });
    expect(String(report?.snapshot)).toMatch(/^v1:k0:/);
    expect(await rows("SELECT count(*) AS n FROM form_drafts")).toEqual([{ n: 0 }]);
    const [card] = await rows("SELECT target, payload FROM outbox WHERE kind = 'post'");
    expect(card?.target).toBe("C0MODS");
    expect(String(card?.payload)).toContain("you clearly know nothing about teaching <!here>");
    expect(String(card?.payload)).toContain("belittling a new teacher");
    // Nothing is ever sent to the author.
    expect(await rows(`SELECT count(*) AS n FROM outbox WHERE target = '${AUTHOR}'`)).toEqual([{ n: 0 }]);
  });

  it("answers someone guyub was asked to forget privately, and writes nothing", async () => {
    const app = slack();
    await app.copmod("report channel <#C0MODS|mods>");
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    await app.send(
      await signedSlack("/slack/commands", commandBody("help", { user_id: MEMBER }), { timestamp: at }),
    );
    await app.send(await slackButton(packedButton(id, "privacy.forget"), { timestamp: at }));
    expect(await rows(`SELECT count(*) AS n FROM members WHERE platform_user_id = '${MEMBER}'`)).toEqual([
      { n: 0 },
    ]);
    const before = await snapshot();
    expect(await app.shortcut(MESSAGE)).toContain("You asked guyub to forget you");
    expect(await snapshot()).toBe(before);
  });

  it("refuses one's own message, a bot's (guyub's too) and a message already reported: nothing written", async () => {
    const app = slack();
    await app.copmod("report channel <#C0MODS|mods>");
    await app.shortcut(MESSAGE);
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    await app.submit(packedButton(id, "report.why", [TS]), { reason: "" });
    const before = await snapshot();
    expect(await app.shortcut({ ...MESSAGE, user: MEMBER, ts: "1772600000.000200" })).toContain(
      "cannot report yourself",
    );
    expect(
      await app.shortcut({
        bot_id: "B0GUYUB",
        user: "U0GUYUBBOT",
        ts: "1772600000.000300",
        text: "Reminder",
      }),
    ).toContain("not bots");
    expect(
      await app.shortcut({ bot_id: "B0OTHER", subtype: "bot_message", ts: "1772600000.000400", text: "x" }),
    ).toContain("not bots");
    expect(await app.shortcut(MESSAGE)).toContain("already reported this");
    expect(await snapshot()).toBe(before);
  });

  it("a form whose message is not the one in the draft changes nothing", async () => {
    const app = slack();
    await app.shortcut(MESSAGE);
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const before = await rows("SELECT count(*) AS n FROM reports");
    expect(await app.submit(packedButton(id, "report.why", ["1772600000.999999"]), { reason: "" })).toContain(
      "out of date",
    );
    expect(await rows("SELECT count(*) AS n FROM reports")).toEqual(before);
  });

  it("is in the manifest's shortcuts", () => {
    const manifest = slackManifest(registry, "https://guyub.example");
    expect(manifest.features.shortcuts).toEqual([
      {
        name: "Report to moderators",
        type: "message",
        callback_id: "report_message",
        description: "Tell the moderators privately about this message",
      },
    ]);
  });
});
