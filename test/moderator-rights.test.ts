import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { defineCommand } from "../src/core/commands/define.ts";
import { GROUP_SUMMARIES, registry } from "../src/core/commands/index.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { ephemeral } from "../src/core/message.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { memberRow } from "./support/membership.ts";
import { commandBody, MEMBER, replyText, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const NOW = new Date("2027-03-01T03:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const ask = async (send: Send, text: string, user = MEMBER) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
const usersInfoCalls = async () => (await sentTo("slack")).filter((c) => c.method === "users.info").length;

/**
 * U0MEMBER is no admin on the (stand-in) workspace. Here guyub remembers them as one, asked
 * `minutes` ago: an admin demoted since.
 */
async function demotedAdmin(send: Send, minutes: number) {
  await ask(send, "help");
  await env.DB.prepare(
    "UPDATE members SET platform_admin = 1, platform_admin_checked_at = ? WHERE platform_user_id = ?",
  )
    .bind(minutesAgo(minutes), MEMBER)
    .run();
  await resetStandins();
}

describe("a Slack admin's moderator answer", () => {
  it("is asked afresh before any change: a demoted admin changes nothing, a minute later", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    await demotedAdmin(send, 1);
    const before = await snapshot();
    expect(await ask(send, "language id")).toContain("Only moderators can use /copmod language");
    expect(await usersInfoCalls()).toBe(1);
    // Nothing of the command happened; only the new answer is remembered.
    const after = await memberRow(MEMBER);
    expect(after).toMatchObject({ platform_admin: 0, platform_admin_checked_at: NOW.toISOString() });
    await env.DB.prepare(
      "UPDATE members SET platform_admin = 1, platform_admin_checked_at = ? WHERE platform_user_id = ?",
    )
      .bind(minutesAgo(1), MEMBER)
      .run();
    expect(await snapshot()).toBe(before);
  });

  it("serves a command that only shows something for up to an hour, then is asked again", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    await demotedAdmin(send, 59);
    expect(await ask(send, "members")).toContain("Members");
    expect(await usersInfoCalls()).toBe(0);

    await demotedAdmin(send, 61);
    expect(await ask(send, "members")).toContain("Only moderators can use /copmod members");
    expect(await usersInfoCalls()).toBe(1);
  });

  it("a real admin's change costs one users.info, and the answer serves the rest of the request", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    expect(await ask(send, "language id", "U0MODERATOR")).toContain("Bahasa Indonesia");
    expect(await ask(send, "language en", "U0MODERATOR")).toContain("English");
    expect(await usersInfoCalls()).toBe(2);
  });

  it("authorizes a read-only command on the cached answer, so its effects would never be applied", async () => {
    // A command wrongly declared read-only: it changes the language.
    const peek = defineCommand({
      path: ["peek"],
      summary: "cmd.help",
      options: {},
      moderator: true,
      readOnly: true,
      example: {},
      handle: () => ({
        message: ephemeral({ type: "text", text: "peeked" }),
        effects: [{ type: "community.locale", locale: "id" }],
      }),
    });
    const withPeek = createRegistry([...registry.commands, peek], GROUP_SUMMARIES);
    const send = isolate({ now: () => NOW, sessionCacheMs: 0, registry: withPeek });
    await ask(send, "help", "U0MODERATOR");
    const before = await snapshot();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await ask(send, "peek", "U0MODERATOR")).toContain("something went wrong on our side");
    expect(await snapshot()).toBe(before);
    expect(logged).toHaveBeenCalledWith("command failed", expect.anything());
  });
});
