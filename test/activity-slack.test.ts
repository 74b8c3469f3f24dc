import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { countWhere, eventRequest, memberRow, slackEvent } from "./support/membership.ts";
import { MEMBER, slashCommand, TEAM } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const OLD_DAY = "2026-01-05";
const message = (extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel: "C0GENERAL",
  user: MEMBER,
  text: "never stored",
  ts: "1700000000.000100",
  ...extra,
});

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/**
 * A fixed mid-morning UTC moment for what events do (signatures stay on real time): "the same
 * day" must not depend on when the suite runs (a run at 23:57 UTC crossed midnight).
 */
const MORNING = new Date("2026-06-10T09:00:00.000Z");
const realTime = () => new Date();

/** A known member whose last activity was long ago; events then go through a fresh isolate. */
async function quietMember(start: Date) {
  await isolate({ now: () => start, verifyNow: realTime })(await slashCommand("help"));
  await env.DB.prepare("UPDATE members SET last_active_on = ?, updated_at = ?").bind(OLD_DAY, "x").run();
}

describe("activity from Slack message events", () => {
  it("a message retried three times marks its author active once; a second message that day writes nothing", async () => {
    let clock = MORNING;
    const start = clock;
    await quietMember(start);
    const events = isolate({ now: () => clock, verifyNow: realTime });
    const body = slackEvent("Ev0ACTIVE01", message());
    for (let retry = 0; retry <= 3; retry++) {
      expect((await events(await eventRequest(body, retry || undefined))).status).toBe(200);
      clock = new Date(clock.getTime() + 60_000);
    }
    const today = start.toISOString().slice(0, 10);
    const row = await memberRow(MEMBER);
    expect(row?.last_active_on).toBe(today);
    // Written by the first delivery only: a retry that wrote again would carry its later time.
    expect(row?.updated_at).toBe(start.toISOString());
    expect(await countWhere("processed_events", "key = ?", `slack:${TEAM}:event:Ev0ACTIVE01`)).toBe(1);

    // Another message the same day: already active today, so not even its key is written.
    await events(await eventRequest(slackEvent("Ev0ACTIVE02", message({ ts: "1700000100.000200" }))));
    expect(await countWhere("processed_events", "key LIKE ?", "%Ev0ACTIVE02")).toBe(0);
    expect((await memberRow(MEMBER))?.updated_at).toBe(start.toISOString());
  });

  it("ignores bot posts, edits and joins, and people guyub has not stored", async () => {
    const now = MORNING;
    await quietMember(now);
    const events = isolate({ now: () => now, verifyNow: realTime });
    const ignored = [
      message({ bot_id: "B0BOT", subtype: "bot_message" }),
      message({ bot_id: "B0BOT" }),
      message({ subtype: "message_changed" }),
      message({ subtype: "channel_join" }),
      message({ user: "U0STRANGER" }),
    ];
    for (const [i, event] of ignored.entries())
      expect(await events(await eventRequest(slackEvent(`Ev0IGNORED${i}`, event)))).toHaveProperty(
        "status",
        200,
      );
    expect((await memberRow(MEMBER))?.last_active_on).toBe(OLD_DAY);
    expect(await countWhere("processed_events", "key LIKE ?", "%Ev0IGNORED%")).toBe(0);
    expect(await countWhere("members", "platform_user_id = 'U0STRANGER'")).toBe(0);

    // A file shared by a person is a post: it counts.
    await events(await eventRequest(slackEvent("Ev0FILE", message({ subtype: "file_share" }))));
    expect((await memberRow(MEMBER))?.last_active_on).toBe(now.toISOString().slice(0, 10));
  });
});
