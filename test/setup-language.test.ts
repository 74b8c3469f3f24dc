import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  DISCORD_MODERATOR,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  sub,
} from "./support/discord.ts";
import { SETUP_AT, slackAt } from "./support/setup.ts";
import { MEMBER, MODERATOR } from "./support/slack.ts";
import { setSlackZone } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Block = { block_id: string; label?: { text: string }; element: { initial_option?: { value: string } } };

/** The first `/copmod setup` on Slack (the community exists, in English), as the moderator. */
async function slackForm() {
  const slack = slackAt(SETUP_AT);
  await slack.command("help", MEMBER);
  await slack.command("setup");
  const [call] = (await sentTo("slack")).filter((c) => c.method === "views.open");
  const view = JSON.parse(String((call?.body as { view?: string } | undefined)?.view)) as {
    title: { text: string };
    blocks: Block[];
  };
  const [first] = view.blocks;
  return {
    title: view.title.text,
    first: first?.block_id,
    label: first?.label?.text,
    chosen: first?.element.initial_option?.value,
  };
}

async function discordForm(o: { locale?: string; guildLocale?: string }) {
  const send = isolate({ now: () => SETUP_AT, sessionCacheMs: 0 });
  const timestamp = Math.floor(SETUP_AT.getTime() / 1000);
  const payload = moderatorInteraction([sub("setup")], {
    user: DISCORD_MODERATOR,
    permissions: MANAGE_GUILD,
    ...o,
  });
  const reply = (await (await send(await signedDiscord(payload, { timestamp }))).json()) as {
    type: number;
    data: {
      title: string;
      components: {
        label: string;
        component: { custom_id: string; options?: { value: string; default?: boolean }[] };
      }[];
    };
  };
  const [first] = reply.data.components;
  return {
    type: reply.type,
    title: reply.data.title,
    first: first?.component.custom_id,
    label: first?.label,
    chosen: first?.component.options?.find((o) => o.default)?.value,
  };
}

describe("the first /copmod setup form opens in the installer's language", () => {
  it("Slack: an installer whose zone is Indonesian (users.info tz) gets it in Bahasa Indonesia, language first", async () => {
    for (const zone of ["Asia/Makassar", "Asia/Pontianak"]) {
      await resetDb();
      await resetStandins();
      await setSlackZone(MODERATOR, zone);
      expect(await slackForm()).toEqual({
        title: "Atur guyub",
        first: "language",
        label: "Bahasa guyub di sini",
        chosen: "id",
      });
    }
  });

  it("Slack: an installer elsewhere gets it in the community's language (English)", async () => {
    await setSlackZone(MODERATOR, "Europe/Berlin");
    expect(await slackForm()).toEqual({
      title: "Set up guyub",
      first: "language",
      label: "Language guyub speaks here",
      chosen: "en",
    });
  });

  it("Discord: locale id (or guild_locale id) opens it in Bahasa Indonesia; en-US in English", async () => {
    const indonesian = {
      type: 9,
      title: "Atur guyub",
      first: "language",
      label: "Bahasa guyub di sini",
      chosen: "id",
    };
    expect(await discordForm({ locale: "id" })).toEqual(indonesian);
    await resetDb();
    expect(await discordForm({ guildLocale: "id" })).toEqual(indonesian);
    await resetDb();
    expect(await discordForm({})).toEqual({
      type: 9,
      title: "Set up guyub",
      first: "language",
      label: "Language guyub speaks here",
      chosen: "en",
    });
  });
});
