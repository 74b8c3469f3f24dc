import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { readActivity } from "../src/jobs/discord-activity.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { seedMembers } from "./support/nudges.ts";
import { standinsBase } from "./support/standins-url.ts";
import { resetStandins, sentTo, testEnv } from "./support/worker.ts";

const MAIN = "400000000000000001";
const SECOND = "400000000000000002";
const THIRD = "400000000000000003";
const user = (n: number) => String(500000000000000000n + BigInt(n));

interface Seed {
  readonly authorId: string;
  readonly bot?: boolean;
  readonly webhook?: boolean;
  readonly type?: number;
}

async function post(channelId: string, messages: Seed[]): Promise<void> {
  const response = await fetch(`${standinsBase()}/__discord/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ channelId, messages }),
  });
  expect(response.status).toBe(200);
}

async function activeDays(): Promise<Record<string, string | null>> {
  const rows = await env.DB.prepare("SELECT platform_user_id, last_active_on FROM members ORDER BY 1").all<{
    platform_user_id: string;
    last_active_on: string | null;
  }>();
  return Object.fromEntries(rows.results.map((r) => [r.platform_user_id, r.last_active_on]));
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("Discord activity from channel history", () => {
  it("reads three channels page by page, marks the authors active, and resumes where it stopped", async () => {
    const community = await seedCommunity("discord");
    await env.DB.prepare("UPDATE communities SET main_channel_id = ?").bind(MAIN).run();
    const epoch = new Date(0).toISOString();
    for (const channel of [SECOND, THIRD])
      await env.DB.prepare(
        "INSERT INTO activity_channels (community_id, channel_id, updated_at) VALUES (?, ?, ?)",
      )
        .bind(community.id, channel, epoch)
        .run();
    await seedMembers(
      community.id,
      Array.from({ length: 9 }, (_, i) => ({ user: user(i + 1), lastActiveOn: null })),
    );
    // MAIN: 250 messages (three pages): members 1–4 take turns; the last 50 are member 5's alone.
    await post(MAIN, [
      ...Array.from({ length: 200 }, (_, i) => ({ authorId: user((i % 4) + 1) })),
      { authorId: user(8), bot: true },
      ...Array.from({ length: 49 }, () => ({ authorId: user(5) })),
    ]);
    // SECOND: member 6, and a webhook post in member 9's name. THIRD: member 7, and member 9 joining (type 7).
    await post(SECOND, [{ authorId: user(6) }, { authorId: user(9), webhook: true }]);
    await post(THIRD, [
      { authorId: user(9), type: 7 },
      { authorId: user(7), type: 19 },
    ]);

    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const deps = jobDepsAt(testEnv())(now);

    // A run allowed two pages stops within MAIN: members 1–4 seen, member 5 not yet.
    expect(await readActivity(deps, community.id, 2)).toEqual({ status: "done" });
    const first = await activeDays();
    expect(Object.values(first).filter((day) => day === today)).toHaveLength(4);
    expect(first[user(5)]).toBeNull();
    const cursor = await env.DB.prepare("SELECT last_message_id FROM activity_channels WHERE channel_id = ?")
      .bind(MAIN)
      .first<{ last_message_id: string }>();
    expect(cursor?.last_message_id).toMatch(/^\d+$/);

    // The next run resumes after the saved page: member 5, then the other channels.
    expect(await readActivity(deps, community.id)).toEqual({ status: "done" });
    const reads = (await sentTo("discord")).filter(
      (call) => call.method === "GET" && String(call.route).includes("/channels/"),
    );
    expect(reads).toHaveLength(5); // MAIN ×3, SECOND, THIRD: no page read twice
    expect(await activeDays()).toEqual({
      [user(1)]: today,
      [user(2)]: today,
      [user(3)]: today,
      [user(4)]: today,
      [user(5)]: today,
      [user(6)]: today,
      [user(7)]: today,
      [user(8)]: null, // a bot's post
      [user(9)]: null, // a webhook in their name, and a join message
    });
  });
});
