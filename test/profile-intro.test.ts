import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/render.ts";
import { renderSlackMessage } from "../src/adapters/slack/render.ts";
import { FORMS } from "../src/core/actions/index.ts";
import type { ActionContext, ActionResult, FieldErrors, FormValues } from "../src/core/actions/types.ts";
import type { Message } from "../src/core/message.ts";
import { INTRO_FORM } from "../src/features/profile/fields.ts";
import { resetDb } from "./support/db.ts";
import { drain, testDelivery } from "./support/delivery.ts";
import {
  applyResult,
  introValues,
  MAIN_CHANNEL,
  memberContext,
  profileRows,
  realStore,
} from "./support/profiles.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const submitForm = (ctx: ActionContext, id: string, values: FormValues) => {
  const form = FORMS.find((f) => f.id === id);
  if (!form) throw new Error(`form ${id} is not registered`);
  return form.submit(ctx, values, []);
};

async function save(ctx: ActionContext, values: FormValues): Promise<ActionResult | FieldErrors> {
  const result = await submitForm(ctx, INTRO_FORM.all, values);
  await applyResult(ctx, result);
  return result;
}

const posted = async () => (await profileRows()).outbox as Record<string, unknown>[];
const messageOf = (row: Record<string, unknown> | undefined) =>
  (JSON.parse(String(row?.payload)) as { message: Message }).message;

const HOSTILE = {
  does: "I teach <!channel> and <!here> how to ping",
  shares: "@everyone @here <@U0OTHER> <@&123456789012345678> *bold* `code`",
  needs: "<https://evil.example|click> & more",
};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});
afterEach(resetStandins);

describe("the introduction post", () => {
  it("is drafted on the first save with consent, to the main channel, under intro:<user>", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await save(ctx, introValues());
    expect(JSON.stringify(result)).toContain("guyub will introduce you");
    const rows = await posted();
    expect(rows).toEqual([
      expect.objectContaining({ idempotency_key: "intro:U0AYU", kind: "post", target: MAIN_CHANNEL.slack }),
    ]);
    const text = JSON.stringify(messageOf(rows[0]));
    expect(text).toContain("Rubrik penilaian and assessment design");
    expect(text).toContain("Classroom management for big classes");
    expect(messageOf(rows[0]).visibility).toBe("public");
  });

  it("an edit later does not post again", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await save(ctx, introValues());
    const edit = await submitForm(ctx, INTRO_FORM.all, introValues({ does: "Principal now" }));
    // The handler itself asks for nothing to be sent: not relying on the outbox key alone.
    expect(JSON.stringify(edit)).not.toContain("outbox.send");
    await applyResult(ctx, edit);
    expect(await posted()).toHaveLength(1);
  });

  it("two first saves racing (both read 'no profile yet') post once: one key per member", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const one = await submitForm(ctx, INTRO_FORM.all, introValues());
    const two = await submitForm(ctx, INTRO_FORM.all, introValues({ does: "Second thoughts" }));
    await applyResult(ctx, one);
    await applyResult(ctx, two);
    expect(await posted()).toHaveLength(1);
  });

  it("is never drafted without consent, not even when consent is given later", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await save(ctx, introValues({ intro: ["no"] }));
    expect(JSON.stringify(result)).not.toContain("guyub will introduce you");
    expect(await posted()).toEqual([]);
    await save(ctx, introValues({ intro: ["yes"] }));
    expect(await posted()).toEqual([]);
  });

  it("is not drafted when the community has no main channel", async () => {
    const ctx = await memberContext("slack", "U0AYU", { mainChannel: null });
    await save(ctx, introValues());
    expect(await posted()).toEqual([]);
    expect((await profileRows()).profiles).toHaveLength(1);
  });

  it("on Discord, is drafted by step 2, in the community's language", async () => {
    const ctx = await memberContext("discord", "300000000000000001", { locale: "id" });
    await applyResult(
      ctx,
      await submitForm(ctx, INTRO_FORM.about, { does: "Perawat", shares: "Perawatan luka", needs: "" }),
    );
    expect(await posted()).toEqual([]);
    await applyResult(
      ctx,
      await submitForm(ctx, INTRO_FORM.choices, { frequency: ["weekly"], intro: ["yes"], findable: ["no"] }),
    );
    const [row] = await posted();
    expect(row).toMatchObject({ idempotency_key: "intro:300000000000000001", target: MAIN_CHANNEL.discord });
    expect(JSON.stringify(messageOf(row))).toContain("Mari kita sambut");
  });
});

describe("an introduction cannot notify anyone but the newcomer", () => {
  it("Slack: member text is escaped; the newcomer is the only mention", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    await save(ctx, introValues(HOSTILE));
    const rendered = JSON.stringify(renderSlackMessage(messageOf((await posted())[0])));
    expect(rendered).toContain("<@U0AYU>");
    expect(rendered).toContain("&lt;!channel&gt;");
    expect(rendered).toContain("&lt;!here&gt;");
    expect(rendered).toContain("&lt;@U0OTHER&gt;");
    expect(rendered).toContain("&lt;https://evil.example|click&gt; &amp; more");
    expect(rendered).not.toMatch(/<!(channel|here|everyone)/);
    // The fallback `text` repeats the first section, so the newcomer appears twice; nobody else.
    expect(new Set(rendered.match(/<[@!#][^>]*>/g))).toEqual(new Set(["<@U0AYU>"]));
  });

  it("Discord: allowed_mentions names only the newcomer, and markup is escaped", async () => {
    const ctx = await memberContext("discord", "300000000000000001");
    await applyResult(ctx, await submitForm(ctx, INTRO_FORM.about, HOSTILE));
    await applyResult(
      ctx,
      await submitForm(ctx, INTRO_FORM.choices, { frequency: ["weekly"], intro: ["yes"], findable: ["yes"] }),
    );
    const rendered = renderDiscordMessage(messageOf((await posted())[0]));
    expect(rendered.allowed_mentions).toEqual({ parse: [], users: ["300000000000000001"], roles: [] });
    expect(rendered.content).toContain("<@300000000000000001>");
    expect(rendered.content).toContain("\\<@U0OTHER\\>");
    expect(rendered.content).toContain("\\<@&123456789012345678\\>");
    expect(rendered.content).toContain("\\*bold\\*");
    expect(rendered.content.match(/(?<!\\)<@/g)).toHaveLength(1);
  });

  it("sent through the delivery engine, the stand-in receives the escaped post once", async () => {
    const ctx = await memberContext("slack", "U0AYU");
    const result = await submitForm(ctx, INTRO_FORM.all, introValues(HOSTILE));
    if ("errors" in result) throw new Error("unexpected errors");
    const applied = await realStore().apply(ctx.community, result.effects ?? [], null, ctx.now);
    const { deps, queue } = testDelivery();
    await drain(deps, queue, applied.enqueue);
    await drain(deps, queue, applied.enqueue);
    const sent = await sentTo("slack");
    const posts = sent.filter((call) => JSON.stringify(call).includes("chat.postMessage"));
    expect(posts).toHaveLength(1);
    const body = JSON.stringify(posts[0]);
    expect(body).toContain(MAIN_CHANNEL.slack);
    expect(body).toContain("&lt;!channel&gt;");
    expect(body).not.toContain("<!channel>");
  });
});
