import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { SLACK_FORMS } from "./support/slack-forms.ts";
import { isolate, resetStandins } from "./support/worker.ts";

// Commands as a real Slack workspace sends them (escaping on), end to end: route, Bolt, core, D1.
// A Wednesday morning: the next Tuesday is 2 March 2027.
const NOW = new Date("2027-02-24T03:00:00Z");
const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;

const ask = async (send: Send, text: string, user = MODERATOR) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
const link = async () =>
  (await env.DB.prepare("SELECT link FROM meeting_series").first<{ link: string | null }>())?.link;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("a meeting link as Slack sends it", () => {
  for (const [form, meaning] of SLACK_FORMS.link) {
    const url = new URL(meaning).toString(); // stored as the URL parser spells it
    it(`/copmod meeting link ${form} sets ${url}`, async () => {
      const send = worker();
      await ask(send, "meeting schedule weekly tue 19:00");
      expect(await ask(send, `meeting link ${form}`)).toContain("The meeting link is now");
      expect(await link()).toBe(url);
    });

    it(`/copmod meeting schedule weekly tue 19:00 [90] ${form} keeps ${url}`, async () => {
      const send = worker();
      expect(await ask(send, `meeting schedule weekly tue 19:00 ${form}`)).toContain(
        "The meeting is scheduled",
      );
      expect(await link()).toBe(url);
      await ask(send, `meeting schedule weekly tue 19:00 90 ${form}`);
      const row = await env.DB.prepare("SELECT minutes, link FROM meeting_series").first();
      expect(row).toEqual({ minutes: 90, link: url });
    });
  }

  it("a mail address is no meeting link: refused in words, nothing written", async () => {
    const send = worker();
    await ask(send, "meeting schedule weekly tue 19:00");
    const before = await snapshot();
    expect(await ask(send, "meeting link <mailto:a@b.id|a@b.id>")).toContain("“mailto:a@b.id” is not a link");
    expect(await snapshot()).toBe(before);
  });
});

describe("a member as Slack sends it", () => {
  for (const [form] of SLACK_FORMS.user) {
    const named = form.replace("U0123", MEMBER);
    it(`/copmod moderators add ${named} and /cop kudos ${named}`, async () => {
      const send = worker();
      expect(await ask(send, `moderators add ${named}`)).toContain("is now a moderator");
      const row = await env.DB.prepare("SELECT is_moderator FROM members WHERE platform_user_id = ?")
        .bind(MEMBER)
        .first();
      expect(row).toEqual({ is_moderator: 1 });
      expect(await ask(send, `kudos ${named} for the rubric &amp; template`)).toContain("Your kudos to");
      const kudos = await env.DB.prepare("SELECT to_user, reason FROM kudos").first();
      expect(kudos).toEqual({ to_user: MEMBER, reason: "for the rubric & template" });
    });
  }
});

describe("a channel as Slack sends it", () => {
  for (const [form] of SLACK_FORMS.channel) {
    const named = form.replace("C0123", "C0GENERAL");
    it(`/copmod onboarding channel ${named}`, async () => {
      const send = worker();
      expect(await ask(send, `onboarding channel ${named}`)).toContain("<#C0GENERAL>");
      const row = await env.DB.prepare("SELECT main_channel_id FROM communities").first();
      expect(row).toEqual({ main_channel_id: "C0GENERAL" });
    });
  }
});
