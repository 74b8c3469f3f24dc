import { beforeEach, describe, expect, it } from "vitest";
import { readPlan } from "../src/features/meetings/plan-read.ts";
import { topicRefresh } from "../src/features/topics/refresh-job.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { signedDiscord } from "./support/discord.ts";
import { discordButton, packedButton } from "./support/interactions.ts";
import { rows, seedMembers, seedTopic, seedVotes, seedWeekly, store, tick } from "./support/topic-refresh.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const AFTER_FIRST = new Date("2027-03-02T20:30:00Z");
const NEXT = "2027-03-09";
const MEMBERS = ["300000000000000001", "300000000000000002", "300000000000000003"];

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("the host's topic choice on Discord", () => {
  it("a press in the DM by the host chooses (the message is updated in place); another member is refused", async () => {
    const community = await seedCommunity("discord");
    await seedMembers(community.id, ...MEMBERS);
    await seedWeekly(community.id, "2027-03-02");
    const first = await seedTopic(community.id, "Assessment rubrics", "2027-01-10T00:00:00Z");
    const second = await seedTopic(community.id, "Project based learning", "2027-01-11T00:00:00Z");
    await seedVotes(community.id, first, "2027-03-01T00:00:00Z", "V1", "V2");
    await seedVotes(community.id, second, "2027-03-01T00:00:00Z", "V1");
    await tick(AFTER_FIRST, [topicRefresh]);
    const { meetings } = await readPlan(
      { community: { id: community.id, timezone: "UTC" }, now: AFTER_FIRST, store: store() },
      2,
    );
    const host = meetings?.find((m) => m.scheduledDay === NEXT)?.host;
    const other = MEMBERS.find((m) => m !== host) ?? "";
    expect(host).toBeTruthy();

    const at = new Date("2027-03-03T09:00:00Z");
    const send = isolate({ now: () => at, sessionCacheMs: 0 });
    const packed = packedButton(community.id, "topic.choose", [NEXT, String(second)]);
    const press = async (user: string) =>
      (await (
        await send(
          await signedDiscord(discordButton(packed, { user, guild: null }), {
            timestamp: at.getTime() / 1000,
          }),
        )
      ).json()) as { type: number; data?: { content?: string; flags?: number } };

    const refused = await press(other);
    expect(refused.type).toBe(4);
    expect(refused.data?.content).toContain("Only the host of this meeting can choose its topic.");
    const chosen = await press(host ?? "");
    expect(chosen.type).toBe(7);
    expect(chosen.data?.content).toContain("will discuss “Project based learning”");
    expect(await rows("SELECT topic_id, source, chosen_by FROM meeting_topics")).toEqual([
      { topic_id: second, source: "host", chosen_by: host },
    ]);
  });
});
