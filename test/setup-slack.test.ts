import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { communityId, GOOD, SETUP_AT, settingsRows, slackAt } from "./support/setup.ts";
import { MEMBER, MODERATOR } from "./support/slack.ts";
import { markLost } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

const openedViews = async () =>
  (await sentTo("slack"))
    .filter((c) => c.method === "views.open")
    .map((c) => ({ view: JSON.parse(String((c.body as { view?: string }).view)), response: c.response }));

/** `/copmod setup` once as a member (the community now exists), then the moderator's first run. */
async function firstRun() {
  const slack = slackAt(SETUP_AT);
  await slack.command("help", MEMBER);
  await slack.command("setup");
  return { slack, id: await communityId() };
}

describe("/copmod setup on Slack: one modal", () => {
  it("opens every setting in one modal the first time, with a channel picker", async () => {
    const { id } = await firstRun();
    const [opened] = await openedViews();
    expect(opened?.response).toMatchObject({ ok: true });
    expect(opened?.view).toMatchObject({ type: "modal", callback_id: `setup.all:${id}` });
    const blocks = opened?.view.blocks as {
      block_id: string;
      optional: boolean;
      element: { type: string };
    }[];
    expect(blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ["language", "static_select"],
      ["timezone", "plain_text_input"],
      ["channel", "conversations_select"],
      ["conduct", "plain_text_input"],
      ["reportChannel", "conversations_select"],
      ["cadence", "static_select"],
      ["weekday", "static_select"],
      ["time", "plain_text_input"],
      ["link", "plain_text_input"],
    ]);
    // Optional to Slack: an empty channel reaches guyub's checks and comes back as a field error.
    expect(blocks.every((b) => b.optional)).toBe(true);
  });

  it("a bad timezone, 25:00 and an empty channel are field errors in the modal; nothing is half-saved", async () => {
    const { slack, id } = await firstRun();
    const before = await settingsRows();
    const bad = await slack.submit(`setup.all:${id}`, {
      ...GOOD,
      // A valid language and conduct come with it: they must not be saved alone either.
      language: ["id"],
      conduct: "Something new",
      timezone: "Mars/Olympus",
      time: "25:00",
      channel: [],
    });
    expect(bad).toEqual({
      response_action: "errors",
      errors: {
        timezone: expect.stringContaining("Mars/Olympus"),
        channel: "Choose the main channel: announcements and reminders are posted there.",
        time: expect.stringContaining("25:00"),
      },
    });
    expect(await settingsRows()).toEqual(before);
  });

  it("a main channel guyub was never invited to is a field error that says what to do; nothing is saved", async () => {
    const { slack, id } = await firstRun();
    await markLost({ platform: "slack", channelId: "C0OUTSIDE", kind: "not_in_channel" });
    const before = await settingsRows();
    const bad = await slack.submit(`setup.all:${id}`, { ...GOOD, channel: ["C0OUTSIDE"] });
    expect(bad).toEqual({
      response_action: "errors",
      errors: {
        channel: expect.stringContaining(
          "guyub is not in the channel you chose yet, so it cannot post there. Invite it: type /invite @guyub",
        ),
      },
    });
    expect(await settingsRows()).toEqual(before);
  });

  it("the moderators' channel for reports: set from the form (the checklist says so), refused where guyub is not", async () => {
    const { slack, id } = await firstRun();
    await markLost({ platform: "slack", channelId: "C0OUTSIDE", kind: "not_in_channel" });
    const reportChannel = async () =>
      (await env.DB.prepare("SELECT channel_id FROM report_settings").all()).results;
    const bad = await slack.submit(`setup.all:${id}`, { ...GOOD, reportChannel: ["C0OUTSIDE"] });
    expect(bad).toMatchObject({
      response_action: "errors",
      errors: { reportChannel: expect.stringContaining("guyub is not in the channel you chose yet") },
    });
    expect(await reportChannel()).toEqual([]);
    const good = JSON.stringify(
      await slack.submit(`setup.all:${id}`, { ...GOOD, reportChannel: ["C0GENERAL"] }),
    );
    expect(good).toContain("Reports go to");
    expect(await reportChannel()).toEqual([{ channel_id: "C0GENERAL" }]);
  });

  it("a valid submit saves everything in one batch and answers with the checklist and the next three things", async () => {
    const { slack, id } = await firstRun();
    const good = (await slack.submit(`setup.all:${id}`, GOOD)) as {
      response_action: string;
      view: { blocks: unknown[] };
    };
    expect(good.response_action).toBe("update");
    const text = JSON.stringify(good.view.blocks);
    expect(text).toContain("Saved. Here is where things stand:");
    expect(text).toContain("✅ Time zone: Asia/Jakarta");
    expect(text).toContain("<#C0GENERAL>");
    expect(text).toContain("✅ Meetings: every week, Tuesday at 19:00");
    expect(text).toContain("✅ Code of conduct");
    expect(text).toContain("❌ Holidays: none");
    expect(text).toContain("• Saturday 27 Feb, 09:00 GMT+7: announce the meeting of Tuesday 2 Mar");
    const { communities, series } = await settingsRows();
    expect(communities).toEqual([
      expect.objectContaining({
        timezone: "Asia/Jakarta",
        timezone_set: 1,
        main_channel_id: "C0GENERAL",
        conduct_text: "Be kind, share generously.",
      }),
    ]);
    expect(series).toEqual([
      expect.objectContaining({
        cadence: "weekly",
        first_day: "2027-03-02",
        start_minute: 1140,
        link: GOOD.link,
      }),
    ]);
    // Run again: the checklist (not the form), with a button that opens it.
    const again = JSON.stringify(await slack.command("setup"));
    expect(again).toContain("Setup checklist");
    expect(again).toContain(`setup.open:${id}`);
    expect(await openedViews()).toHaveLength(1);
    // Its button opens the modal filled with the settings as saved.
    const send = isolate({ now: () => SETUP_AT, sessionCacheMs: 0 });
    await send(
      await slackButton(packedButton(id, "setup.open"), {
        user: MODERATOR,
        timestamp: SETUP_AT.getTime() / 1000,
      }),
    );
    const reopened = (await openedViews())[1]?.view.blocks as {
      block_id: string;
      element: Record<string, unknown>;
    }[];
    const element = (blockId: string) => reopened.find((b) => b.block_id === blockId)?.element;
    expect(element("timezone")?.initial_value).toBe("Asia/Jakarta");
    expect(element("channel")?.initial_conversation).toBe("C0GENERAL");
    expect(element("time")?.initial_value).toBe("19:00");
    expect(element("weekday")?.initial_option).toMatchObject({ value: "tue" });
  });

  it("answers in the language just chosen, and a second submit keeps cancelled days and changes only the link", async () => {
    const { slack, id } = await firstRun();
    await slack.submit(`setup.all:${id}`, GOOD);
    await slack.command("meeting cancel 2027-03-09");
    const before = await settingsRows();
    const reply = JSON.stringify(
      await slack.submit(`setup.all:${id}`, { ...GOOD, language: ["id"], link: "https://meet.example/baru" }),
    );
    expect(reply).toContain("Tersimpan.");
    expect(reply).toContain("Berikutnya, guyub akan:");
    expect(reply).toContain("✅ Pertemuan: setiap minggu, Selasa pukul 19.00");
    expect(reply).toContain("Sabtu, 27 Feb, 09.00 WIB: mengumumkan pertemuan Selasa, 2 Mar");
    const after = await settingsRows();
    expect(after.overrides).toEqual(before.overrides);
    expect(after.overrides).toHaveLength(1);
    expect(after.series).toEqual([{ ...(before.series?.[0] as object), link: "https://meet.example/baru" }]);
    expect(after.communities).toEqual([expect.objectContaining({ locale: "id" })]);
  });

  it("a member's submit is refused and changes nothing", async () => {
    const { slack, id } = await firstRun();
    const before = await settingsRows();
    const reply = JSON.stringify(await slack.submit(`setup.all:${id}`, GOOD, MEMBER));
    expect(reply).toContain("Only moderators");
    expect(await settingsRows()).toEqual(before);
  });
});
