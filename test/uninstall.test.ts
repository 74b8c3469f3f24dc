import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { slackTokens } from "../src/adapters/slack/tokens.ts";
import { jobDepsAt } from "../src/compose.ts";
import { createDb } from "../src/db/client.ts";
import { communityErasure } from "../src/jobs/community-erasure.ts";
import { resetDb } from "./support/db.ts";
import { install, installations } from "./support/install.ts";
import { signedSlack } from "./support/slack.ts";
import { resetStandins, send, testEnv } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const DAY = 24 * 60 * 60_000;
const event = (team: string, inner: Record<string, unknown>) =>
  signedSlack(
    "/slack/events",
    JSON.stringify({
      token: "x",
      team_id: team,
      api_app_id: "A0STANDIN",
      event: inner,
      type: "event_callback",
      event_id: `Ev${crypto.randomUUID().slice(0, 8)}`,
      event_time: 1,
    }),
    { contentType: "application/json" },
  );
const community = (team: string) =>
  env.DB.prepare("SELECT * FROM communities WHERE workspace_id = ?")
    .bind(team)
    .first<Record<string, string | null>>();

describe("uninstall and revoked tokens", () => {
  it("app_uninstalled forgets the token, deactivates the community at once and schedules its erasure in 30 days", async () => {
    await install("T0FIRST");
    await install("T0SECOND");
    const at = Date.now();
    expect((await send(await event("T0FIRST", { type: "app_uninstalled" }))).status).toBe(200);
    const [first, second] = await installations();
    expect([first?.status, first?.bot_token]).toEqual(["inactive", null]);
    expect(second?.status).toBe("active");
    const row = await community("T0FIRST");
    expect(row?.deactivated_at).not.toBeNull();
    const eraseAt = Date.parse(String(row?.erase_after));
    expect(Math.abs(eraseAt - at - 30 * DAY)).toBeLessThan(60_000);
    const block = await env.DB.prepare("SELECT scope, cause FROM delivery_blocks").all();
    expect(block.results).toEqual([{ scope: "*", cause: "uninstalled" }]);
    const tokens = slackTokens({
      db: createDb(env.DB),
      secrets: testEnv(),
      apiUrl: "",
      now: () => new Date(),
    });
    expect(await tokens("T0FIRST")).toBeNull();
    expect(await tokens("T0SECOND")).toMatch(/^xoxb-T0SECOND-/);

    // Installed again before the 30 days: active, nothing to erase, the block gone.
    expect((await install("T0FIRST")).status).toBe(200);
    const again = await community("T0FIRST");
    expect([again?.deactivated_at, again?.erase_after]).toEqual([null, null]);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM delivery_blocks").first())?.n).toBe(0);
  });

  it("tokens_revoked for user tokens only changes nothing; for the bot it deactivates", async () => {
    await install("T0FIRST");
    await send(await event("T0FIRST", { type: "tokens_revoked", tokens: { oauth: ["U0INSTALLER"] } }));
    expect((await installations())[0]?.status).toBe("active");
    await send(await event("T0FIRST", { type: "tokens_revoked", tokens: { bot: ["UB0FIRST"] } }));
    expect((await installations())[0]?.status).toBe("inactive");
    expect((await community("T0FIRST"))?.deactivated_at).not.toBeNull();
  });

  it("erases a community 30 days after, every table, and leaves the others alone", async () => {
    await install("T0FIRST");
    await install("T0SECOND");
    await send(await event("T0FIRST", { type: "app_uninstalled" }));
    const first = await community("T0FIRST");
    const second = await community("T0SECOND");
    const members = Array.from({ length: 6000 }, (_, i) => `U${i}`);
    for (const id of [first?.id, second?.id])
      await env.DB.prepare(
        "INSERT INTO members (community_id, platform_user_id, joined_at, created_at, updated_at) SELECT ?, value, '2027-01-01', '2027-01-01', '2027-01-01' FROM json_each(?)",
      )
        .bind(id, JSON.stringify(members))
        .run();
    const deps = (at: number) => jobDepsAt(testEnv())(new Date(at));
    expect(await communityErasure.due(deps(Date.now() + 29 * DAY))).toEqual([]);
    const due = await communityErasure.due(deps(Date.now() + 31 * DAY));
    expect(due.map((d) => d.communityId)).toEqual([Number(first?.id)]);
    // A run makes at most ERASE_STATEMENTS deletes; the next quarter-hour's run carries on.
    for (let run = 0; run < 3 && (await community("T0FIRST")); run++)
      for (const item of due) await communityErasure.run(deps(Date.now() + 31 * DAY), item);
    expect(await community("T0FIRST")).toBeNull();
    const left = await env.DB.prepare(
      "SELECT community_id, count(*) AS n FROM members GROUP BY community_id",
    ).all();
    expect(left.results).toEqual([{ community_id: Number(second?.id), n: 6000 }]);
    expect((await installations()).map((r) => r.workspace_id)).toEqual(["T0SECOND"]);
  });

  it("a run spends its statements on the tables still holding rows: rows in the last tables go in one run", async () => {
    await install("T0FIRST");
    await send(await event("T0FIRST", { type: "app_uninstalled" }));
    const first = await community("T0FIRST");
    // Only members (near the end of the list) hold rows: 7,000 of them take three statements.
    await env.DB.prepare(
      "INSERT INTO members (community_id, platform_user_id, joined_at, created_at, updated_at) SELECT ?, 'U' || value, '2027-01-01', '2027-01-01', '2027-01-01' FROM json_each(?)",
    )
      .bind(first?.id, JSON.stringify(Array.from({ length: 7000 }, (_, i) => i)))
      .run();
    const { ERASE_TABLES, ERASE_STATEMENTS } = await import("../src/jobs/community-erasure.ts");
    expect(ERASE_TABLES.indexOf("members")).toBeGreaterThan(ERASE_STATEMENTS - 4);
    const deps = jobDepsAt(testEnv())(new Date(Date.now() + 31 * DAY));
    await communityErasure.run(deps, { communityId: Number(first?.id), period: "p" });
    expect(await community("T0FIRST")).toBeNull();
  });

  it("erasure covers every table that holds a community's rows", async () => {
    const { results } = await env.DB.prepare("PRAGMA table_list").all<{ name: string; type: string }>();
    const holding: string[] = [];
    for (const t of results.filter(
      (t) => t.type === "table" && !/^(sqlite_|_cf_|d1_migrations$)/.test(t.name),
    )) {
      const columns = await env.DB.prepare(`PRAGMA table_info(${t.name})`).all<{ name: string }>();
      if (columns.results.some((c) => c.name === "community_id")) holding.push(t.name);
    }
    const { ERASE_TABLES } = await import("../src/jobs/community-erasure.ts");
    expect(holding.sort()).toEqual([...ERASE_TABLES].sort());
  });
});
