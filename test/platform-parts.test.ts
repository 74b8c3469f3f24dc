import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { jobDepsAt, platformsFrom } from "../src/compose.ts";
import type { PlatformId } from "../src/core/model.ts";
import { deliveryDeps } from "../src/delivery/consumer.ts";
import { syncCommunity } from "../src/features/membership/member-sync-job.ts";
import { directoriesOf, historiesOf } from "../src/platforms.ts";
import { resetDb } from "./support/db.ts";
import { testEnv } from "./support/worker.ts";

// Jobs and delivery look a community's platform up in the parts the composition root wired
// (src/compose.ts). A platform the deployment is not wired for (an `email` community, which
// migration 0017 lets be stored) gets nothing: before, anything not Slack was Discord.
const NOW = new Date("2027-03-01T09:00:00Z");
const now = () => NOW;
/** A platform no adapter is wired for. */
const UNWIRED = "email" as string as PlatformId;
afterEach(resetDb);

describe("the platforms the composition root wires", () => {
  const platforms = platformsFrom(testEnv());

  it("are Slack, Discord and Telegram; Slack and Discord have a member list; Discord's history is read", () => {
    expect([...platforms.keys()].sort()).toEqual(["discord", "slack", "telegram"]);
    // The Bot API cannot list a group's members: joins and leaves come as updates instead.
    expect(directoriesOf(platforms, now)("telegram", "-1001234")).toBeNull();
    expect(directoriesOf(platforms, now)("slack", "T0001")).not.toBeNull();
    expect(directoriesOf(platforms, now)("discord", "200000000000000002")).not.toBeNull();
    expect(historiesOf(platforms)("discord", "200000000000000002")).not.toBeNull();
    // Slack pushes messages as events: there is no history to read.
    expect(historiesOf(platforms)("slack", "T0001")).toBeNull();
  });

  it("give a platform they do not know no member list, no history and no sender", async () => {
    expect(directoriesOf(platforms, now)(UNWIRED, "-1001234")).toBeNull();
    expect(historiesOf(platforms)(UNWIRED, "-1001234")).toBeNull();
    const delivery = deliveryDeps(testEnv(), platforms, { clock: now });
    await expect(delivery.senderFor(UNWIRED, "-1001234")).resolves.toBeNull();
    await expect(delivery.senderFor("discord", "200000000000000002")).resolves.not.toBeNull();
  });

  it("leave Discord without its bot token with nothing to read or send", async () => {
    const bare = platformsFrom(testEnv({ DISCORD_BOT_TOKEN: undefined }));
    expect(directoriesOf(bare, now)("discord", "200000000000000002")).toBeNull();
    expect(historiesOf(bare)("discord", "200000000000000002")).toBeNull();
    await expect(
      deliveryDeps(testEnv(), bare).senderFor("discord", "200000000000000002"),
    ).resolves.toBeNull();
  });

  it("skip the member sync of a community on a platform not wired, as one without credentials", async () => {
    const row = await env.DB.prepare(
      "INSERT INTO communities (platform, workspace_id, created_at, updated_at) VALUES ('email', '-1001234', ?1, ?1) RETURNING id",
    )
      .bind(NOW.toISOString())
      .first<{ id: number }>();
    const result = await syncCommunity(jobDepsAt(testEnv())(NOW), Number(row?.id));
    expect(result).toEqual({ status: "skipped", reason: "no email credentials to list members" });
  });
});
