import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { weeklyDigest } from "../src/features/digest/jobs.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { DIGEST_AT, seedWeek } from "./support/digest.ts";
import { countWhere } from "./support/membership.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, testEnv } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const worker = (at = DIGEST_AT) => isolate({ now: () => at, sessionCacheMs: 0 });
const ask = async (send: Send, text: string, user = MODERATOR, at = DIGEST_AT) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: at.getTime() / 1000,
  });
  return (await (await send(request)).json()) as {
    text?: string;
    blocks?: unknown[];
    response_type?: string;
  };
};
const settings = () =>
  env.DB.prepare("SELECT digest_weekday, digest_minute, digest_enabled FROM communities").first();

describe("digest commands", () => {
  it("preview is private and writes nothing; members may not use any of them", async () => {
    await seedWeek("slack", "en");
    const send = worker();
    await ask(send, "help");
    await ask(send, "help", MEMBER);
    const before = await snapshot();
    const preview = await ask(send, "digest preview");
    expect(preview.response_type).toBe("ephemeral");
    expect(replyText(preview)).toContain("Preview, only you can see it");
    expect(replyText(preview)).toContain("Weekly digest");
    for (const line of [
      "digest preview",
      "digest send",
      "digest schedule fri 17:00",
      "digest off",
      "digest on",
    ]) {
      expect(replyText(await ask(send, line, MEMBER))).toContain("Only moderators can use");
    }
    expect(await snapshot()).toBe(before);
  });

  it("send posts the week's digest now, and it counts as the week's: the scheduled run and a second send post nothing", async () => {
    const community = await seedWeek("slack", "en");
    const at = new Date(DIGEST_AT.getTime() - 3600_000); // an hour before the scheduled one
    const send = worker(at);
    expect(replyText(await ask(send, "digest send", MODERATOR, at))).toContain(
      "on its way to the main channel",
    );
    expect(replyText(await ask(send, "digest send", MODERATOR, at))).toContain("was already posted");
    const result = await weeklyDigest.run(jobDepsAt(testEnv())(DIGEST_AT), {
      communityId: community.id,
      period: "2027-W10",
    });
    expect(result).toMatchObject({ status: "skipped" });
    expect(await countWhere("outbox", "idempotency_key LIKE 'digest:%'")).toBe(1);
    expect(await countWhere("topics", "archive_reported = 1")).toBe(1);
  });

  it("send without a main channel says how to set one and sends nothing", async () => {
    await seedWeek("slack", "en");
    await env.DB.prepare("UPDATE communities SET main_channel_id = NULL").run();
    expect(replyText(await ask(worker(), "digest send"))).toContain("/copmod onboarding channel");
    expect(await countWhere("outbox")).toBe(0);
  });

  it("schedule takes weekdays and times in English or Indonesian; off and on", async () => {
    await seedWeek("slack", "en");
    const send = worker();
    expect(replyText(await ask(send, "digest schedule Jumat 17.30"))).toContain(
      "every Friday at 17:30 GMT+7 (Asia/Jakarta)",
    );
    expect(await settings()).toEqual({ digest_weekday: 5, digest_minute: 1050, digest_enabled: 1 });
    expect(replyText(await ask(send, "digest schedule someday 08:00"))).toContain("is not a weekday I know");
    expect(replyText(await ask(send, "digest schedule mon 25:00"))).toContain("is not a time");
    expect(replyText(await ask(send, "digest off"))).toContain("The weekly digest is off");
    expect(await settings()).toMatchObject({ digest_enabled: 0 });
    expect(replyText(await ask(send, "digest on"))).toContain("every Friday at 17:30");
    expect(await settings()).toMatchObject({ digest_enabled: 1, digest_weekday: 5 });
  });
});
