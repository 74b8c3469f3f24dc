import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { commandInteraction, group, signedDiscord, sub } from "./support/discord.ts";
import { discordButton, packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { MAIN_CHANNEL } from "./support/profiles.ts";
import { slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

type Values = Record<string, string | string[]>;
const SELECTS: Record<string, "static_select" | "multi_static_select"> = {
  benefits: "multi_static_select",
  frequency: "static_select",
  intro: "static_select",
  findable: "static_select",
};

/** A Slack view_submission of the intro modal, with its selects as Block Kit state. */
const slackIntroSubmit = (packed: string, values: Values) =>
  slackSubmit(packed, values, { selects: SELECTS, title: "Introduce yourself" });

/** A Discord modal submit: text inputs and string selects, each inside a Label. */
function discordIntroSubmit(packed: string, values: Values) {
  const press = discordButton(packed);
  return {
    ...press,
    type: 5,
    data: {
      custom_id: packed,
      components: Object.entries(values).map(([id, value]) => ({
        type: 18,
        id: 1,
        component: Array.isArray(value)
          ? { type: 3, custom_id: id, values: value }
          : { type: 4, custom_id: id, value },
      })),
    },
  };
}

const ABOUT = {
  does: "Guru matematika di SMK",
  shares: "Rubrik penilaian <!channel> @everyone",
  needs: "Kelas besar",
};
const CHOICES = { benefits: ["problem"], frequency: ["weekly"], intro: ["yes"], findable: ["yes"] };

const rows = async (table: string) => (await env.DB.prepare(`SELECT * FROM ${table}`).all()).results;
const communityId = async (platform: string) =>
  (
    await env.DB.prepare("SELECT id FROM communities WHERE platform = ?")
      .bind(platform)
      .first<{ id: number }>()
  )?.id ?? 0;
const setMainChannel = (platform: "slack" | "discord") =>
  env.DB.prepare("UPDATE communities SET main_channel_id = ? WHERE platform = ?")
    .bind(MAIN_CHANNEL[platform], platform)
    .run();

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("Slack: the intro modal end to end", () => {
  it("/cop profile edit and the intro button open the modal; errors show in it; a valid submit saves and introduces once", async () => {
    const worker = isolate();
    await worker(await slashCommand("help"));
    await setMainChannel("slack");
    const id = await communityId("slack");

    await worker(await slashCommand("profile edit"));
    await worker(await slackButton(packedButton(id, "intro.open")));
    const opened = (await sentTo("slack")).filter((c) => c.method === "views.open");
    expect(opened).toHaveLength(2);
    for (const call of opened) {
      const view = JSON.parse(String((call.body as { view?: string }).view));
      expect(view).toMatchObject({ type: "modal", callback_id: `intro.profile:${id}` });
      expect(view.blocks).toHaveLength(7);
      // The stand-in checks Slack's modal rules (title ≤ 24, inputs, 100 blocks) and says ok.
      expect(call.response).toMatchObject({ ok: true });
    }

    const bad = await (
      await worker(
        await slackIntroSubmit(`intro.profile:${id}`, { ...ABOUT, does: "", ...CHOICES, findable: [] }),
      )
    ).json();
    expect(bad).toEqual({
      response_action: "errors",
      errors: { does: "Please answer this question.", findable: "Please answer this question." },
    });
    expect(await rows("profiles")).toEqual([]);

    const good = (await (
      await worker(await slackIntroSubmit(`intro.profile:${id}`, { ...ABOUT, ...CHOICES }))
    ).json()) as {
      response_action: string;
      view: { blocks: unknown[] };
    };
    expect(good.response_action).toBe("update");
    expect(JSON.stringify(good.view.blocks)).toContain("Thank you for introducing yourself!");
    await worker(await slackIntroSubmit(`intro.profile:${id}`, { ...ABOUT, ...CHOICES, needs: "" }));
    expect(await rows("profiles")).toEqual([
      expect.objectContaining({ needs: "", findable: 1, frequency: "weekly" }),
    ]);
    const outbox = await rows("outbox");
    expect(outbox).toEqual([
      expect.objectContaining({ idempotency_key: "intro:U0MEMBER", target: MAIN_CHANNEL.slack }),
    ]);
    expect(outboxQueue.take()).toHaveLength(1);
  });
});

describe("Discord: the two-step intro end to end", () => {
  it("step 1 modal → Continue → step 2 modal → saved once, with an invalid step 2 saving nothing", async () => {
    const worker = isolate();
    await worker(await signedDiscord(commandInteraction([sub("help")])));
    await setMainChannel("discord");
    const id = await communityId("discord");
    const json = async (request: Promise<Request>) =>
      (await (await worker(await request)).json()) as { type: number; data: Record<string, unknown> };

    const step1 = await json(signedDiscord(commandInteraction([group("profile", sub("edit"))])));
    expect(step1).toMatchObject({ type: 9, data: { custom_id: `intro.about:${id}` } });
    expect(step1.data.components).toHaveLength(3);

    const continued = await json(signedDiscord(discordIntroSubmit(`intro.about:${id}`, ABOUT)));
    expect(continued.type).toBe(4);
    expect(JSON.stringify(continued.data)).toContain(`intro.next:${id}`);
    expect(await rows("profiles")).toEqual([]);
    expect(await rows("profile_drafts")).toHaveLength(1);

    const step2 = await json(signedDiscord(discordButton(packedButton(id, "intro.next"))));
    expect(step2).toMatchObject({ type: 9, data: { custom_id: `intro.choices:${id}` } });
    expect(step2.data.components).toHaveLength(4);

    const bad = await json(
      signedDiscord(discordIntroSubmit(`intro.choices:${id}`, { ...CHOICES, frequency: ["daily"] })),
    );
    expect(String(bad.data.content)).toContain("Please choose from the list.");
    expect(JSON.stringify(bad.data.components)).toContain(`form.reopen:${id}:intro.choices`);
    expect(await rows("profiles")).toEqual([]);

    const done = await json(signedDiscord(discordIntroSubmit(`intro.choices:${id}`, CHOICES)));
    expect(String(done.data.content)).toContain("Thank you for introducing yourself!");
    expect(await rows("profiles")).toEqual([expect.objectContaining({ does: ABOUT.does, findable: 1 })]);
    expect(await rows("profile_drafts")).toEqual([]);
    expect(await rows("outbox")).toEqual([
      expect.objectContaining({ idempotency_key: "intro:300000000000000001", target: MAIN_CHANNEL.discord }),
    ]);
  });
});
