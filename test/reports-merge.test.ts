import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { defineCommand } from "../src/core/commands/define.ts";
import { GROUP_SUMMARIES, registry } from "../src/core/commands/index.ts";
import { option } from "../src/core/commands/options.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { submitReport } from "../src/features/reports/submit.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const AUTHOR = "U0AUTHOR";
const OTHER = "U0OTHER";
const SUBJECT = "message:C0GENERAL:1772600000.000100";

/**
 * Test-only: what the message entry points hand to `submitReport` (one reported message, its
 * author, its text as it was, a reason), as a `/cop` word, through the real app and D1.
 */
const reportMessage = defineCommand({
  path: ["reportmsg"],
  summary: "cmd.help",
  options: {
    member: option.user("arg.member", "arg.member.help"),
    why: option.text("arg.why", "arg.why.help", 300),
  },
  moderator: false,
  example: {},
  async handle(ctx, { member, why }) {
    const outcome = await submitReport(ctx, {
      subject: SUBJECT,
      reportedUser: member,
      reportedIsBot: ctx.place ? await ctx.place.isBot(member) : null,
      reportedName: "Budi",
      messageLink: "https://guru-penggerak.slack.com/archives/C0GENERAL/p1772600000000100",
      snapshot: "the message as it was",
      reason: why,
    });
    return { message: outcome.reply, effects: outcome.effects, replyAfter: outcome.replyAfter };
  },
});
const withTestCommand = createRegistry([...registry.commands, reportMessage], GROUP_SUMMARIES);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

function slack() {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0, registry: withTestCommand });
  const say = async (line: string, user: string, command = "/cop") =>
    (
      await send(
        await signedSlack("/slack/commands", commandBody(line, { user_id: user, command }), {
          timestamp: NOW.getTime() / 1000,
        }),
      )
    ).text();
  return { say };
}
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];

describe("several reports of one message", () => {
  it("merge into one card: the count grows and the card is edited in place, with each reason", async () => {
    const { say } = slack();
    await say("help", MODERATOR);
    await say("report channel <#C0MODS|mods>", MODERATOR, "/copmod");
    expect(await say(`reportmsg <@${AUTHOR}|budi> rude to a newcomer`, MEMBER)).toContain("went privately");
    expect(await say(`reportmsg <@${AUTHOR}|budi> mocking a question`, OTHER)).toContain("went privately");
    expect(await rows("SELECT subject, report_count, reported_user FROM reports")).toEqual([
      { subject: SUBJECT, report_count: 2, reported_user: AUTHOR },
    ]);
    const reporters = await rows("SELECT reporter, reason FROM report_reporters ORDER BY id");
    expect(reporters.map((r) => r.reporter)).toEqual([MEMBER, OTHER]);
    for (const r of reporters) expect(String(r.reason)).toMatch(/^v1:k0:/);
    const outbox = await rows("SELECT kind, target, payload FROM outbox ORDER BY id");
    expect(outbox.map((o) => [o.kind, o.target])).toEqual([
      ["post", "C0MODS"],
      ["edit", (await rows("SELECT card_key FROM reports"))[0]?.card_key],
    ]);
    const edit = String(outbox[1]?.payload);
    expect(edit).toContain("rude to a newcomer");
    expect(edit).toContain("mocking a question");
    expect(edit).toContain("the message as it was");
    expect(edit).toContain("Budi");
    // The card names the author as text, never as a mention that would ping them.
    expect(edit).not.toContain(`"user":"${AUTHOR}"`);
  });

  it("one report per member per message, never about oneself or a bot: refused, nothing written", async () => {
    const { say } = slack();
    await say("help", MODERATOR);
    await say("report channel <#C0MODS|mods>", MODERATOR, "/copmod");
    await say(`reportmsg <@${AUTHOR}|budi> first`, MEMBER);
    const before = await snapshot();
    expect(await say(`reportmsg <@${AUTHOR}|budi> again`, MEMBER)).toContain("already reported this");
    expect(await say(`reportmsg <@${MEMBER}|me> myself`, MEMBER)).toContain("cannot report yourself");
    expect(await say("reportmsg <@U0GUYUBBOT|guyub> the bot", MEMBER)).toContain("not bots");
    expect(await snapshot()).toBe(before);
  });

  it("by DM, the card never goes to the reported member, even a moderator", async () => {
    const { say } = slack();
    await say("help", MODERATOR);
    await say("help", AUTHOR);
    await env.DB.prepare(`UPDATE members SET is_moderator = 1 WHERE platform_user_id = '${AUTHOR}'`).run();
    expect(await say(`reportmsg <@${AUTHOR}|budi> rude`, MEMBER)).toContain("went privately");
    const targets = (await rows("SELECT target FROM outbox")).map((o) => o.target);
    expect(targets).toEqual([MODERATOR]);
    expect(targets).not.toContain(AUTHOR);
  });
});
