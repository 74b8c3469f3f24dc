import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { registry } from "../src/core/commands/index.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { CommandError } from "../src/core/errors.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { group, MANAGE_GUILD, moderatorInteraction, signedDiscord, str, sub } from "./support/discord.ts";
import { memberRow } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack, slashCommand } from "./support/slack.ts";
import { TRAITS } from "./support/traits.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const ask = async (worker: Send, text: string, user = MODERATOR) =>
  replyText((await (await worker(await slashCommand(text, { user_id: user }))).json()) as { text?: string });
const community = () => env.DB.prepare("SELECT * FROM communities").first<Record<string, unknown>>();

describe("onboarding commands", () => {
  it("a member is refused and nothing is written", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await ask(worker, "help", MEMBER); // registered, admin status cached: later commands write nothing
    const before = await snapshot();
    for (const line of [
      "onboarding welcome Hello!",
      "onboarding conduct Be kind",
      "onboarding followup 3",
      "onboarding channel <#C0GENERAL|general>",
      "onboarding preview",
      "onboarding sync",
      "members",
    ]) {
      expect(await ask(worker, line, MEMBER)).toContain("Only moderators can use");
    }
    expect(await snapshot()).toBe(before);
  });

  it("bad days (0, 61, abc, 7 days) get a clear error with the usage, and write nothing", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await ask(worker, "help");
    const before = await snapshot();
    for (const days of ["0", "61", "abc", "7 days", "-3"]) {
      const reply = await ask(worker, `onboarding followup ${days}`);
      expect(reply).toContain(`“${days}” is not a valid number of days (1–60)`);
      expect(reply).toContain("/copmod onboarding followup 7");
    }
    expect(await ask(worker, "onboarding followup")).toContain("needs a number of days");
    expect(await ask(worker, "onboarding channel general")).toContain("is not a valid channel");
    expect(await snapshot()).toBe(before);
  });

  it("settings are saved, and the preview shows exactly the configured welcome", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    let preview = await ask(worker, "onboarding preview");
    expect(preview).toContain("We are glad you are here"); // the built-in welcome
    expect(preview).toContain("No main channel is set");
    expect(preview).not.toContain("Code of conduct");

    await ask(worker, "onboarding welcome Selamat datang di komunitas guru penggerak! <!channel>");
    await ask(worker, "onboarding conduct Be kind &amp; share generously."); // as Slack escapes "&"
    expect(await ask(worker, "onboarding followup 14")).toContain("14 days after their welcome");
    expect(await ask(worker, "onboarding channel <#C0GENERAL|general>")).toContain("<#C0GENERAL>");
    expect(await community()).toMatchObject({
      // Slack's special reads as harmless text: guyub never echoes a ping back.
      welcome_text: "Selamat datang di komunitas guru penggerak! @channel",
      conduct_text: "Be kind & share generously.",
      followup_days: 14,
      main_channel_id: "C0GENERAL",
    });

    preview = await ask(worker, "onboarding"); // Slack's group default
    expect(preview).toContain("Selamat datang di komunitas guru penggerak! @channel");
    expect(preview).not.toContain("<!channel>");
    expect(preview).toContain("Code of conduct");
    expect(preview).toContain("Be kind &amp; share generously.");
    expect(preview).toContain("intro.open");
    expect(preview).toContain("guyub posts this in <#C0GENERAL>");
    expect(preview).toContain("After 14 days");

    await ask(worker, "onboarding welcome default");
    await ask(worker, "onboarding conduct none");
    expect(await community()).toMatchObject({ welcome_text: null, conduct_text: null });
    const audited = await env.DB.prepare("SELECT action FROM audit_log ORDER BY id").all();
    expect(audited.results.map((r) => r.action)).toEqual([
      "onboarding welcome",
      "onboarding conduct",
      "onboarding followup",
      "onboarding channel",
      "onboarding welcome",
      "onboarding conduct",
    ]);
  });

  it("on Discord the channel is a channel option (type 7), and texts come in Bahasa Indonesia", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    const asModerator = (options: unknown[]) =>
      signedDiscord(moderatorInteraction(options, { permissions: MANAGE_GUILD, guildLocale: "id" }));
    await worker(
      await asModerator([
        group("onboarding", sub("channel", [{ type: 7, name: "channel", value: "300000000000000042" }])),
      ]),
    );
    expect(await community()).toMatchObject({ main_channel_id: "300000000000000042", locale: "id" });
    const reply = await worker(await asModerator([group("onboarding", sub("preview"))]));
    const text = JSON.stringify(await reply.json());
    expect(text).toContain("Pratinjau");
    expect(text).toContain("Perkenalkan diri Anda");
    expect(text).toContain("<#300000000000000042>");
    const bad = await worker(await asModerator([group("onboarding", sub("followup", [str("days", "abc")]))]));
    expect(JSON.stringify(await bad.json())).toContain("“abc” bukan jumlah hari");
  });

  it("registers the channel option as type 7 limited to text channels", () => {
    const [, copmod] = discordCommandDefinitions(registry);
    const onboarding = copmod?.options.find((o) => o.name === "onboarding") as {
      options: { name: string; options: { type: number; channel_types?: number[] }[] }[];
    };
    const channel = onboarding.options.find((o) => o.name === "channel")?.options[0];
    expect(channel).toMatchObject({ type: 7, channel_types: [0, 5] });
  });

  it("Slack parses <#C123|name> as a channel and refuses anything else", () => {
    expect(parseCommandText(registry, TRAITS.slack, "onboarding channel <#C0ABC|general>")).toEqual({
      path: ["onboarding", "channel"],
      args: { channel: "C0ABC" },
    });
    expect(() => parseCommandText(registry, TRAITS.slack, "onboarding channel <@U0MEMBER>")).toThrow(
      CommandError,
    );
  });

  it("sync starts the job now (once per minute) and tells how to see the result", async () => {
    const jobs = new RecordingQueue();
    const worker = isolate({ sessionCacheMs: 0, env: { JOBS: jobs.asQueue() } });
    expect(await ask(worker, "onboarding sync")).toContain("Reading the member list now");
    expect(await ask(worker, "onboarding sync")).toContain("within 15 minutes");
    const sent = jobs.take().map((m) => m.body as { job: string; period: string });
    expect(sent).toEqual([
      expect.objectContaining({ job: "member-sync", period: expect.stringMatching(/^now:/) }),
    ]);
  });
});

describe("members, join and leave", () => {
  it("/cop leave makes an alumnus; /cop help keeps them one; /cop join brings them back", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    expect(await ask(worker, "join", MEMBER)).toContain("You are a member of this community");
    expect(await ask(worker, "leave", MEMBER)).toContain("You have stepped back");
    expect(await memberRow(MEMBER)).toMatchObject({ status: "alumni", left_reason: "self" });
    // A later command does not bring them back, nor write anything about them (not even a new name).
    await worker(await slashCommand("help", { user_id: MEMBER, user_name: "ayu-lestari" }));
    expect(await memberRow(MEMBER)).toMatchObject({ status: "alumni", display_name: "ayu" });
    expect(await ask(worker, "leave", MEMBER)).toContain("already stepped back");
    expect(await ask(worker, "join", MEMBER)).toContain("Welcome back");
    expect(await memberRow(MEMBER)).toMatchObject({ status: "active", left_reason: null, welcomed_at: null });
  });

  it("/copmod members shows counts by status and the newest members with their join day", async () => {
    const now = new Date("2027-03-02T23:30:00Z"); // already 3 March in Jakarta
    const worker = isolate({ sessionCacheMs: 0, now: () => now });
    const at = (text: string, user: string) =>
      signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
        timestamp: now.getTime() / 1000,
      });
    await worker(await at("help", MEMBER));
    await worker(await at("leave", "U0OTHER"));
    await env.DB.prepare("UPDATE communities SET timezone = 'Asia/Jakarta'").run();
    const reply = replyText(
      (await (await worker(await at("members", MODERATOR))).json()) as { text?: string },
    );
    expect(reply).toContain("*Active*\\n2"); // the member and the moderator asking
    expect(reply).toContain("*Alumni*\\n1");
    expect(reply).toContain("<@U0MEMBER>, joined 3 March 2027");
    expect(reply).not.toContain("<@U0OTHER>");
    expect(reply).toContain("has not read the member list yet");
  });
});
