import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, rowCounts, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MODERATOR,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { resetStandins, send } from "./support/worker.ts";

/** A Slack slash command under `/cop` or `/copmod`, as the app's two commands arrive at one URL. */
async function slack(command: "/cop" | "/copmod", text: string, user = MEMBER): Promise<string> {
  const request = await signedSlack("/slack/commands", commandBody(text, { command, user_id: user }));
  return replyText((await (await send(request)).json()) as { text?: string });
}

async function discord(payload: unknown): Promise<string> {
  const response = await send(await signedDiscord(payload));
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { content: string } }).data.content;
}
const moderator = { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD };

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/copmod on Slack", () => {
  it("runs moderator commands; /cop runs them too for one release, answering exactly as /copmod", async () => {
    const viaCopmod = await slack("/copmod", "moderators list", MODERATOR);
    expect(viaCopmod).toContain("Moderators");
    await resetDb();
    const viaCop = await slack("/cop", "moderators list", MODERATOR);
    expect(viaCop).toBe(viaCopmod);
    // Through either root a moderator reply names moderator commands with /copmod.
    expect(await slack("/cop", "meeting schedule", MODERATOR)).toContain("/copmod meeting schedule");
  });

  it("refuses a member the same way under both roots, and changes nothing", async () => {
    await slack("/cop", "help");
    const before = await snapshot();
    const viaCop = await slack("/cop", "language id");
    expect(viaCop).toContain("Only moderators can use /copmod language");
    expect(await slack("/copmod", "language id")).toBe(viaCop);
    expect(await snapshot()).toBe(before);
  });

  it("refuses member words under /copmod, pointing to /cop, and writes nothing", async () => {
    const reply = await slack("/copmod", "meeting next", MODERATOR);
    expect(reply).toContain("/copmod meeting next is not a command here: type /cop meeting next.");
    expect(await rowCounts()).toMatchObject({ communities: 0, members: 0 });
  });

  it("short forms: /cop nudges lists a member's nudge words; /copmod nudges is the quiet list", async () => {
    const member = await slack("/cop", "nudges");
    expect(member).toContain("“/cop nudges” needs one more word: off, on, snooze.");
    expect(member).not.toContain("quiet");
    expect(await slack("/copmod", "nudges", MODERATOR)).not.toContain("needs one more word");
    // /cop digest moved as a whole: through /cop it is still the preview, for moderators only.
    expect(await slack("/cop", "digest")).toContain("Only moderators can use /copmod digest preview");
  });

  it("help shows members /cop only, and moderators their commands under /copmod", async () => {
    const member = await slack("/cop", "help");
    expect(member).toContain("/cop meeting");
    expect(member).not.toContain("/copmod");
    const mod = await slack("/cop", "help", MODERATOR);
    expect(mod).toMatch(/\/copmod setup, \/copmod language, \/copmod moderators/);
    const word = await slack("/cop", "help meeting", MODERATOR);
    expect(word).toContain("/cop meeting next");
    expect(word).toContain("/copmod meeting schedule");
    expect(await slack("/cop", "help moderators add", MODERATOR)).toContain("/copmod moderators add");
  });
});

describe("/copmod on Discord", () => {
  it("refuses a moderator word under /cop and a member word under /copmod, writing nothing", async () => {
    const add = [group("moderators", sub("add", [{ type: 6, name: "member", value: "300000000000000005" }]))];
    const wrong = await discord(commandInteraction(add, moderator));
    expect(wrong).toContain("/cop moderators add is not a command here: type /copmod moderators add.");
    expect(await rowCounts()).toMatchObject({ communities: 0, members: 0 });
    const member = await discord(moderatorInteraction([group("meeting", sub("next"))], moderator));
    expect(member).toContain("/copmod meeting next is not a command here: type /cop meeting next.");
    expect(await rowCounts()).toMatchObject({ communities: 0, members: 0 });
  });

  it("still checks moderator rights on /copmod: a server may grant the command to anyone", async () => {
    await discord(commandInteraction([sub("help")]));
    const before = await snapshot();
    const reply = await discord(moderatorInteraction([sub("language", [str("language", "id")])]));
    expect(reply).toContain("Only moderators can use /copmod language");
    expect(await snapshot()).toBe(before);
  });

  it("help shows members /cop only, moderators /copmod too; an unknown root is unknown", async () => {
    expect(await discord(commandInteraction([sub("help")]))).not.toContain("/copmod");
    expect(await discord(commandInteraction([sub("help")], moderator))).toContain("/copmod setup");
    const stale = {
      ...commandInteraction([sub("help")]),
      data: { id: "1", name: "guyub", type: 1, options: [] },
    };
    expect(await discord(stale)).toContain("I don't know the command “guyub”");
  });
});
