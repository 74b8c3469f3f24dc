import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { sendNudges } from "../src/features/nudges/jobs.ts";
import type { JobDeps } from "../src/jobs/job-kind.ts";
import { resetDb } from "./support/db.ts";
import { drain, testDelivery } from "./support/delivery.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { memberRow } from "./support/membership.ts";
import { nudgeRows, seedMembers } from "./support/nudges.ts";
import { MEMBER, MODERATOR, slashCommand } from "./support/slack.ts";
import { markUndeliverable } from "./support/standins.ts";
import { isolate, resetStandins, sentTo } from "./support/worker.ts";

const OLD = "2026-01-05";
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** A Slack community with a quiet member (known since long ago) and its id. */
async function quietCommunity(now: Date) {
  const worker = isolate({ now: () => now });
  await worker(await slashCommand("help"));
  await env.DB.prepare("UPDATE members SET last_active_on = ?, created_at = ?, joined_at = ?")
    .bind(OLD, "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z")
    .run();
  const row = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
  return { worker: isolate({ now: () => now }), communityId: row?.id ?? 0 };
}

const nudgeState = () =>
  env.DB.prepare(
    "SELECT m.nudges_opt_out AS optedOut, n.snoozed_until AS snoozedUntil FROM members m LEFT JOIN member_nudges n ON n.member_id = m.id WHERE m.platform_user_id = ?",
  )
    .bind(MEMBER)
    .first<{ optedOut: number; snoozedUntil: string | null }>();

describe("the nudge's buttons and commands", () => {
  it("Snooze a month, pressed twice, snoozes once to the same day; the press counts as activity", async () => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const { worker, communityId } = await quietCommunity(now);
    for (let i = 0; i < 2; i++)
      expect((await worker(await slackButton(packedButton(communityId, "nudge.snooze")))).status).toBe(200);
    expect(await nudgeState()).toEqual({ optedOut: 0, snoozedUntil: plusDays(today, 30) });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM member_nudges").first()).toEqual({ n: 1 });
    expect((await memberRow(MEMBER))?.last_active_on).toBe(today);
  });

  it("I prefer to just read: never nudged again, until /cop nudges on", async () => {
    const now = new Date();
    const { worker, communityId } = await quietCommunity(now);
    await worker(await slackButton(packedButton(communityId, "nudge.read")));
    expect((await nudgeState())?.optedOut).toBe(1);
    const replies = (await sentTo("slack")).filter((c) => c.method === "response_url");
    expect(JSON.stringify(replies.at(-1)?.body)).toContain("completely fine");
    await worker(await slashCommand("nudges on"));
    expect((await nudgeState())?.optedOut).toBe(0);
  });

  it("members snooze and turn nudges off by command; moderators set, pause and list privately", async () => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const { worker, communityId } = await quietCommunity(now);
    await worker(await slashCommand("nudges snooze 2"));
    expect((await nudgeState())?.snoozedUntil).toBe(plusDays(today, 14));
    await worker(await slashCommand("nudges off"));
    expect((await nudgeState())?.optedOut).toBe(1);
    const refused = await worker(await slashCommand("nudges settings 30 40 10"));
    expect(await refused.text()).not.toContain("30 days");
    await worker(await slashCommand("nudges settings 30 40 10", { user_id: MODERATOR }));
    await worker(await slashCommand("nudges pause", { user_id: MODERATOR }));
    expect(
      await env.DB.prepare("SELECT quiet_days, cooldown_days, per_day, paused FROM nudge_settings").first(),
    ).toEqual({
      quiet_days: 30,
      cooldown_days: 40,
      per_day: 10,
      paused: 1,
    });
    const quiet = (await (
      await worker(await slashCommand("nudges quiet", { user_id: MODERATOR }))
    ).json()) as {
      response_type?: string;
      text?: string;
    };
    expect(quiet.response_type).toBe("ephemeral");
    expect(JSON.stringify(quiet)).toContain("Nobody has been quiet for 30 days");
    await seedMembers(communityId, [
      { user: "U0READER", optedOut: true, lastActiveOn: OLD },
      { user: "U0QUIET", lastActiveOn: OLD },
    ]);
    const listed = await worker(await slashCommand("nudges quiet", { user_id: MODERATOR }));
    const text = JSON.stringify(await listed.json());
    expect(text).toContain("1 could get a check-in; 1 prefer to just read, 0 snoozed, 0 had one recently");
    expect(text).toContain("<@U0QUIET>: quiet since Monday, 1 June 2026");
    expect(text).not.toContain("U0READER");
  });

  it("a nudge's I'll come answers the next meeting's RSVP; a closed DM is recorded and nothing is posted", async () => {
    const now = new Date();
    const { worker, communityId } = await quietCommunity(now);
    await env.DB.prepare(
      "INSERT INTO meeting_series (community_id, cadence, first_day, start_minute, minutes, updated_at) VALUES (?, 'weekly', '2026-01-06', 1140, 90, ?)",
    )
      .bind(communityId, now.toISOString())
      .run();
    const db = createDb(env.DB);
    const deps: JobDeps = {
      db,
      d1: env.DB,
      store: createCommunityStore(db, env.DB),
      outbox: { enqueue: async () => {}, requeue: async () => {} },
      now,
    };
    expect(await sendNudges(deps, communityId)).toEqual({ status: "done" });
    const [nudge] = await nudgeRows();
    const blocks = (nudge?.message.blocks ?? []) as { buttons?: { actionId: string; value: string }[] }[];
    const buttons = blocks.flatMap((b) => b.buttons ?? []);
    expect(buttons.map((b) => b.actionId)).toEqual(["meeting.rsvp", "nudge.snooze", "nudge.read"]);
    const come = buttons[0] as { actionId: string; value: string };
    await worker(await slackButton(`${come.actionId}:${come.value}`));
    expect(
      await env.DB.prepare("SELECT user_id, answer FROM meeting_rsvps")
        .all()
        .then((r) => r.results),
    ).toEqual([{ user_id: MEMBER, answer: "yes" }]);

    await markUndeliverable("slack", MEMBER);
    const delivery = testDelivery();
    const id = await env.DB.prepare("SELECT id FROM outbox WHERE idempotency_key LIKE 'nudge:%'").first<{
      id: number;
    }>();
    await drain(delivery.deps, delivery.queue, [id?.id ?? 0]);
    expect(await env.DB.prepare("SELECT status FROM outbox WHERE id = ?").bind(id?.id).first()).toEqual({
      status: "undeliverable",
    });
    expect((await sentTo("slack")).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });
});
