import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { syncCommunity } from "../src/features/membership/member-sync-job.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { standinsBase } from "./support/standins-url.ts";
import { resetStandins, testEnv } from "./support/worker.ts";

const GUILD = "200000000000000001";
const control = (path: string, body: unknown) =>
  fetch(`${standinsBase()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const state = (id: number) =>
  env.DB.prepare("SELECT deactivated_at, erase_after FROM communities WHERE id = ?").bind(id).first();
const noSleep = async () => {};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("Discord: removal from a server", () => {
  for (const kind of ["unknown_guild", "missing_access"]) {
    it(`a member sync answered ${kind} on the server itself deactivates the community as an uninstall does`, async () => {
      const community = await seedCommunity("discord", GUILD);
      await control("/__lost", { platform: "discord", guildId: GUILD, kind });
      const deps = jobDepsAt(testEnv())(new Date());
      expect((await syncCommunity(deps, community.id, noSleep)).status).toBe("skipped");
      expect((await state(community.id))?.deactivated_at).not.toBeNull();
      const blocks = await env.DB.prepare("SELECT scope, cause FROM delivery_blocks").all();
      expect(blocks.results).toEqual([{ scope: "*", cause: "uninstalled" }]);

      // Added back: the next sync reads the list again and the community is active, nothing erased.
      await control("/__found", { platform: "discord", guildId: GUILD });
      expect((await syncCommunity(jobDepsAt(testEnv())(new Date()), community.id, noSleep)).status).toBe(
        "done",
      );
      expect(await state(community.id)).toEqual({ deactivated_at: null, erase_after: null });
      expect((await env.DB.prepare("SELECT count(*) AS n FROM delivery_blocks").first())?.n).toBe(0);
    });
  }
});
