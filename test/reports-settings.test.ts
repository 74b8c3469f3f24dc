import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { communityId, GOOD, SETUP_AT, slackAt } from "./support/setup.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack } from "./support/slack.ts";
import { markLost } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** `/copmod <line>` on Slack at SETUP_AT (`/cop report …` is the members' report). */
async function copmod(line: string, user = MODERATOR) {
  const request = await signedSlack(
    "/slack/commands",
    commandBody(line, { user_id: user, command: "/copmod" }),
    {
      timestamp: SETUP_AT.getTime() / 1000,
    },
  );
  const body = await (await isolate({ now: () => SETUP_AT, sessionCacheMs: 0 })(request)).text();
  return JSON.parse(body) as Record<string, unknown>;
}

const settings = () => env.DB.prepare("SELECT community_id, channel_id FROM report_settings").all();

describe("/copmod report channel", () => {
  it("sets the moderators' channel, and the setup checklist names it (suggests it while unset)", async () => {
    isolate({ now: () => SETUP_AT, sessionCacheMs: 0 });
    const slack = slackAt(SETUP_AT);
    await slack.command("help", MEMBER);
    const id = await communityId();
    await slack.command("setup"); // the first run opens the form; its submit answers with the checklist
    const before = JSON.stringify(await slack.submit(`setup.all:${id}`, GOOD));
    expect(before).toContain("they go to each moderator by DM (/copmod report channel #moderators)");

    const reply = JSON.stringify(await copmod("report channel <#C0GENERAL|general>"));
    expect(reply).toContain("Reports from members will go to <#C0GENERAL>");
    expect((await settings()).results).toEqual([{ community_id: id, channel_id: "C0GENERAL" }]);
    const after = JSON.stringify(await slack.command("setup"));
    expect(after).toContain("Reports go to <#C0GENERAL>");
  });

  it("refuses a channel guyub cannot post in, and a member; nothing is written", async () => {
    isolate({ now: () => SETUP_AT, sessionCacheMs: 0 });
    const slack = slackAt(SETUP_AT);
    await slack.command("help", MEMBER);
    await slack.command("help"); // the moderator's first contact registers them
    await markLost({ platform: "slack", channelId: "C0OUTSIDE", kind: "not_in_channel" });
    const before = await snapshot();
    expect(JSON.stringify(await copmod("report channel <#C0OUTSIDE|outside>"))).toContain("invite");
    expect(JSON.stringify(await copmod("report channel <#C0GENERAL|general>", MEMBER))).toContain(
      "Only moderators can use",
    );
    expect(await snapshot()).toEqual(before);
  });
});
