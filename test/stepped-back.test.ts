import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { commandInteraction, signedDiscord, str, sub } from "./support/discord.ts";
import {
  discordSubmit,
  packedButton,
  slackButton,
  slackSubmit,
  testInteractions,
} from "./support/interactions.ts";
import { memberRow } from "./support/membership.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// Monday 1 March 2027, 10:00 in Jakarta: the weekly Tuesday meeting is tomorrow.
const NOW = new Date("2027-03-01T03:00:00Z");
const STEPPED_BACK = "You stepped back from this community, so nothing was changed";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const worker = (): Send => isolate({ now: () => NOW, sessionCacheMs: 0, interactions: testInteractions });
const ask = async (send: Send, text: string, user = MEMBER) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
const communityId = async (platform = "slack") =>
  (
    await env.DB.prepare("SELECT id FROM communities WHERE platform = ?")
      .bind(platform)
      .first<{ id: number }>()
  )?.id ?? 0;
const at = { timestamp: NOW.getTime() / 1000 };
/** A form submission's answer: Slack shows it in the modal, in the HTTP response. */
const submitted = async (response: Response) => JSON.stringify(await response.json());
const lastReply = async () =>
  JSON.stringify((await sentTo("slack")).filter((c) => c.method === "response_url").at(-1)?.body);

/** A community with a weekly meeting and one topic, and the member who suggested it stepped back. */
async function steppedBackMember(send: Send) {
  await ask(send, "meeting schedule weekly tue 19:00", MODERATOR);
  expect(await ask(send, "topic suggest Large classes")).toContain("is in the backlog");
  expect(await ask(send, "leave")).toContain("You have stepped back");
  expect(await memberRow(MEMBER)).toMatchObject({ status: "alumni" });
}

describe("someone who stepped back", () => {
  it("answers no RSVP, votes, suggests and thanks nobody by command: a kind note, nothing changed", async () => {
    const send = worker();
    await steppedBackMember(send);
    const before = await snapshot();
    for (const line of [
      "meeting rsvp yes",
      "topic vote 1",
      "topic suggest Group work",
      "kudos <@U0AYU|ayu> for the rubric",
      "profile edit",
    ]) {
      const reply = await ask(send, line);
      expect(reply, line).toContain(STEPPED_BACK);
      expect(reply, line).toContain("/cop join");
    }
    expect(await snapshot()).toBe(before);
    expect(outboxQueue.take()).toEqual([]);

    // help and join still work; back in, an RSVP counts again.
    expect(await ask(send, "help")).not.toContain(STEPPED_BACK);
    expect(await ask(send, "join")).toContain("Welcome back");
    expect(await ask(send, "meeting rsvp yes")).not.toContain(STEPPED_BACK);
    const rsvps = await env.DB.prepare("SELECT user_id, answer FROM meeting_rsvps").all();
    expect(rsvps.results).toEqual([{ user_id: MEMBER, answer: "yes" }]);
  });

  it("presses no button (RSVP, vote) and submits no form: membership and status are both checked", async () => {
    const send = worker();
    await steppedBackMember(send);
    const id = await communityId();
    const before = await snapshot();
    for (const packed of [
      packedButton(id, "meeting.rsvp", ["2027-03-02", "yes"]),
      packedButton(id, "topic.vote", ["1"]),
      packedButton(id, "test.count", ["a"]),
    ]) {
      await send(await slackButton(packed, at));
      expect(await lastReply(), packed).toContain(STEPPED_BACK);
    }
    const form = await send(await slackSubmit(`test.form:${id}`, { name: "ayu" }, at));
    expect(await submitted(form)).toContain(STEPPED_BACK);
    expect(await snapshot()).toBe(before);
  });

  it("moderates nothing until they rejoin, though they stay on the moderator list", async () => {
    const send = worker();
    expect(await ask(send, "moderators add <@U0MEMBER|ayu>", MODERATOR)).toContain("is now a moderator");
    expect(await ask(send, "language id")).toContain("Bahasa Indonesia");
    expect(await ask(send, "language en")).toContain("English");
    expect(await ask(send, "help")).toContain("Groups with moderator commands");
    await ask(send, "leave");
    const before = await snapshot();
    expect(await ask(send, "language id")).toContain(STEPPED_BACK);
    // help shows them a member's commands only: the flag has no force while they are away.
    expect(await ask(send, "help")).not.toContain("Groups with moderator commands");
    expect(await snapshot()).toBe(before);
    expect(await memberRow(MEMBER)).toMatchObject({ status: "alumni", is_moderator: 1 });

    await ask(send, "join");
    expect(await ask(send, "language id")).toContain("Bahasa Indonesia");
  });

  it("on Discord too: a command is answered kindly and changes nothing", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const discord = async (options: unknown[]) => {
      const response = await send(await signedDiscord(commandInteraction(options), at));
      return JSON.stringify(await response.json());
    };
    await discord([sub("leave")]);
    const before = await snapshot();
    expect(
      await discord([sub("kudos", [str("member", "300000000000000009"), str("why", "thanks")])]),
    ).toContain(STEPPED_BACK);
    expect(await snapshot()).toBe(before);
  });
});

describe("forms declare their moderator flag", () => {
  it("a member's submit of a moderators-only form is refused by the handler, not the form", async () => {
    const send = worker();
    await ask(send, "help");
    await send(await signedDiscord(commandInteraction([sub("help")]), at));
    const [slack, discord] = [await communityId("slack"), await communityId("discord")];
    const before = await snapshot();
    const form = await send(await slackSubmit(`test.adminform:${slack}`, { name: "x" }, at));
    expect(await submitted(form)).toContain("Only moderators");
    // Reopening it after errors is refused the same way.
    await send(await slackButton(packedButton(slack, "form.reopen", ["test.adminform"]), at));
    expect(await lastReply()).toContain("Only moderators");
    const modal = await send(
      await signedDiscord(discordSubmit(`test.adminform:${discord}`, { name: "x" }), at),
    );
    expect(await submitted(modal)).toContain("Only moderators");
    expect(await snapshot()).toBe(before);
  });

  it("a moderator's submit goes through", async () => {
    const send = worker();
    await ask(send, "help", MODERATOR);
    const form = await send(
      await slackSubmit(`test.adminform:${await communityId()}`, { name: "x" }, { ...at, user: MODERATOR }),
    );
    expect(await submitted(form)).toContain("admin saved");
  });
});
