import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { NO_ROWS, resetDb, rowCounts, snapshot } from "./support/db.ts";
import {
  commandBody,
  MEMBER,
  MODERATOR,
  replyText,
  signedSlack,
  slashCommand,
  TEAM,
} from "./support/slack.ts";
import { resetStandins, send, sentTo } from "./support/worker.ts";

type SlackReply = { response_type: string; text: string; blocks: unknown[] };
const reply = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as SlackReply;
};
const asModerator = { user_id: MODERATOR, user_name: "budi" };

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("/cop help on Slack", () => {
  it("answers in English, ephemerally, and registers community and member", async () => {
    const body = await reply(await send(await slashCommand("help")));
    expect(body.response_type).toBe("ephemeral");
    expect(replyText(body)).toContain("guyub: what you can do");
    expect(replyText(body)).toContain("/cop help");
    expect(replyText(body)).not.toContain("For moderators");
    expect(replyText(body)).not.toContain("/copmod language");
    expect(await rowCounts()).toMatchObject({ communities: 1, members: 1 });
  });

  it("shows moderators their commands (Slack admin via users.info)", async () => {
    const body = await reply(await send(await slashCommand("help", asModerator)));
    expect(replyText(body)).toContain("For moderators");
    const word = await reply(await send(await slashCommand("help moderators", asModerator)));
    expect(replyText(word)).toContain("/copmod moderators add");
    const calls = await sentTo("slack");
    expect(calls.filter((call) => call.method === "users.info")).toHaveLength(1);
  });

  it("answers in Bahasa Indonesia after a moderator's /copmod language id", async () => {
    const set = await reply(await send(await slashCommand("language id", asModerator)));
    expect(replyText(set)).toContain("Bahasa Indonesia");
    const body = await reply(await send(await slashCommand("help")));
    expect(replyText(body)).toContain("guyub: yang dapat Anda lakukan");
  });

  it("treats empty text as help", async () => {
    expect(replyText(await reply(await send(await slashCommand(""))))).toContain("guyub: what you can do");
  });

  it("explains one command with usage and example", async () => {
    const text = replyText(await reply(await send(await slashCommand("help language"))));
    expect(text).toContain("/copmod language &lt;en|id&gt;");
    expect(text).toContain("/copmod language id");
  });

  it("writes nothing for a second help from the same member on the same day", async () => {
    await send(await slashCommand("help"));
    const before = await snapshot();
    await send(await slashCommand("help"));
    expect(await snapshot()).toBe(before);
  });
});

describe("/copmod language on Slack", () => {
  it("refuses a non-moderator and changes nothing", async () => {
    await send(await slashCommand("help"));
    const before = await snapshot();
    const body = await reply(await send(await slashCommand("language id")));
    expect(body.response_type).toBe("ephemeral");
    expect(replyText(body)).toContain("Only moderators can use /copmod language");
    expect(await snapshot()).toBe(before);
  });

  it("stores a moderator's choice and writes an audit-log row", async () => {
    await reply(await send(await slashCommand("language id", asModerator)));
    const community = await env.DB.prepare("SELECT locale FROM communities WHERE workspace_id = ?")
      .bind(TEAM)
      .first();
    expect(community).toEqual({ locale: "id" });
    const audit = await env.DB.prepare(
      "SELECT a.action, a.detail, m.platform_user_id FROM audit_log a JOIN members m ON m.id = a.actor_member_id",
    ).all();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]).toMatchObject({ action: "language", platform_user_id: MODERATOR });
    expect(JSON.parse(String(audit.results[0]?.detail))).toMatchObject({ args: { language: "id" } });
  });

  it("refuses politely when Slack cannot be asked, and changes nothing", async () => {
    const revoked = { env: { SLACK_BOT_TOKEN: "xoxb-revoked" } };
    const other = { user_id: "U0OTHER" };
    const logged = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const help = replyText(await reply(await send(await slashCommand("help", other), revoked)));
    expect(help).toContain("could not confirm your moderator status");
    const before = await snapshot();
    const body = await reply(await send(await slashCommand("language id", other), revoked));
    expect(replyText(body)).toContain("could not check");
    expect(await snapshot()).toBe(before);
    expect(logged).toHaveBeenCalledWith("moderator look-up failed", expect.anything());
  });
});

describe("bad input on Slack", () => {
  it("answers an unknown subcommand with a helpful ephemeral error", async () => {
    const body = await reply(await send(await slashCommand("dance")));
    expect(body.response_type).toBe("ephemeral");
    expect(replyText(body)).toContain("I don't know the command “dance”");
    expect(replyText(body)).toContain("/cop help");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("names the argument and shows an example for a bad value", async () => {
    const text = replyText(await reply(await send(await slashCommand("language fr", asModerator))));
    expect(text).toContain("“fr” is not a valid language");
    expect(text).toContain("Example: /copmod language id");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("asks for a mention when a member is named without one", async () => {
    const text = replyText(await reply(await send(await slashCommand("moderators add ayu", asModerator))));
    expect(text).toContain("“ayu” is not a valid member");
  });

  it("echoes <!channel> typed by a member as plain @channel instead of pinging everyone", async () => {
    const text = replyText(await reply(await send(await slashCommand("<!channel> hello"))));
    expect(text).toContain("I don't know the command “@channel”");
    expect(text).not.toContain("<!channel>");
  });

  it("answers a command over 4,000 characters with a polite 'too long', not a 400", async () => {
    const body = await reply(await send(await slashCommand(`help ${"x".repeat(3996)}`)));
    expect(body.response_type).toBe("ephemeral");
    expect(replyText(body)).toContain("That command is too long");
    expect(replyText(body)).toContain("at most 4,000 characters");
    expect(replyText(body)).toContain("/cop help");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("says 'too long' in the community's language and changes nothing", async () => {
    await reply(await send(await slashCommand("language id", asModerator)));
    const before = await snapshot();
    const body = await reply(await send(await slashCommand("x".repeat(4001), asModerator)));
    expect(replyText(body)).toContain("Perintah itu terlalu panjang");
    expect(replyText(body)).toContain("paling banyak 4.000 karakter");
    expect(await snapshot()).toBe(before);
  });

  it("refuses a malformed command payload with 400 and writes nothing", async () => {
    const response = await send(await signedSlack("/slack/commands", "text=help&team_id=T1"));
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("refuses a 65 KiB body with 413", async () => {
    const response = await send(await signedSlack("/slack/commands", commandBody("x".repeat(65 * 1024))));
    expect(response.status).toBe(413);
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("answers an unsigned ssl_check with 200 and dispatches nothing", async () => {
    const response = await send(
      new Request("https://guyub.test/slack/commands", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "ssl_check=1&token=legacy-token",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });
});

describe("/cop moderators on Slack", () => {
  it("adds, lists and removes a member, auditing each change", async () => {
    const added = replyText(
      await reply(await send(await slashCommand(`moderators add <@${MEMBER}|ayu>`, asModerator))),
    );
    expect(added).toContain(`<@${MEMBER}> is now a moderator`);
    const listed = replyText(await reply(await send(await slashCommand("moderators", asModerator))));
    expect(listed).toContain(`<@${MEMBER}>`);
    // The member is now a moderator through the list, without being a Slack admin.
    const asMember = replyText(await reply(await send(await slashCommand("language id"))));
    expect(asMember).toContain("Bahasa Indonesia");
    const removed = replyText(
      await reply(await send(await slashCommand(`moderators remove <@${MEMBER}>`, asModerator))),
    );
    expect(removed).toContain("tidak lagi ada dalam daftar moderator");
    const actions = await env.DB.prepare("SELECT action FROM audit_log ORDER BY id").all();
    expect(actions.results.map((r) => r.action)).toEqual(["moderators add", "language", "moderators remove"]);
  });

  it("does not offer the Discord-only role command on Slack", async () => {
    const text = replyText(await reply(await send(await slashCommand("moderators role <@U1>", asModerator))));
    expect(text).toContain("I don't know the command");
  });
});

describe("slow answers on Slack", () => {
  it("acks at once and delivers the answer through response_url when the deadline passes", async () => {
    const response = await send(await slashCommand("help"), { replyDeadlineMs: 0 });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    const posts = (await sentTo("slack")).filter((call) => call.method === "response_url");
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body)).toContain("guyub: what you can do");
  });
});
