import { beforeAll, describe, expect, it } from "vitest";
import type { ActionContext } from "../src/core/actions/types.ts";
import { translator } from "../src/core/i18n/index.ts";
import { readSetupState } from "../src/core/setup/state.ts";
import { createDb } from "../src/db/client.ts";
import { meetingAnnounce } from "../src/features/meetings/announce-job.ts";
import { claimHost } from "../src/features/meetings/claim.ts";
import { meetingClose } from "../src/features/meetings/close-job.ts";
import { markDone } from "../src/features/meetings/done.ts";
import { meetingRemind } from "../src/features/meetings/remind-job.ts";
import { passButton, swapForm } from "../src/features/rotation/actions.ts";
import { topicChoose } from "../src/features/topics/choose-action.ts";
import { topicRefresh } from "../src/features/topics/refresh-job.ts";
import type { JobDeps, JobKind } from "../src/jobs/job-kind.ts";
import { seedJobsCommunity } from "./bench/jobs-seed.ts";
import { countedCommand, countedStore } from "./support/counted-command.ts";
import { freshDb } from "./support/db.ts";
import { seedRotationHistory } from "./support/rotation-history.ts";
import { TRAITS } from "./support/traits.ts";

const MEMBERS = 3_000;
/** Far below the members: a flow that read every member would return thousands of rows. */
const ROWS = 150;
// A Friday when U00000001 was active already (nothing to register); the next meeting is Tuesday
// 2 March, not announced yet, so its host is planned from the rotation.
const NOW = new Date("2027-02-26T10:00:00Z");
const NEXT = "2027-03-02";
let communityId = 0;

beforeAll(async () => {
  await freshDb();
  communityId = (await seedJobsCommunity(MEMBERS)).communityId;
  await seedRotationHistory(communityId);
});

async function command(text: string, moderator = false) {
  return countedCommand(text, NOW, moderator);
}

async function actionContext(): Promise<{
  ctx: ActionContext;
  reading: { statements: number; rows: number };
}> {
  const { store, reading } = countedStore();
  const { community, member } = await store.find({
    platform: "slack",
    workspaceId: "T0BENCH",
    workspaceName: null,
    userId: "U00000001",
    displayName: "Member 1",
    initialLocale: "en",
  });
  if (!community || !member) throw new Error("the bench member is missing");
  const ctx: ActionContext = {
    platform: "slack",
    traits: TRAITS.slack,
    community,
    member,
    t: translator("en"),
    now: NOW,
    syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
    store,
    moderatorStatus: async () => "moderator",
  };
  reading.rows = 0;
  reading.statements = 0;
  return { ctx, reading };
}

describe(`no rotation flow reads every member (${MEMBERS.toLocaleString("en")} members)`, () => {
  it.each([
    ["rotation show", false],
    ["meeting next", false],
    ["meeting list", false],
    ["rotation fairness", false],
    ["rotation away 2027-03-09 2027-03-10", false],
    ["rotation swap <@U00000002>", false],
    ["rotation pass", false],
    ["rotation volunteer", false],
    ["timezone Asia/Jakarta", true],
    ["rotation mode volunteers", true],
    ["rotation add <@U00000005>", true],
    ["meeting schedule weekly tue 19:00", true],
  ] as const)("/cop %s", async (text, moderator) => {
    const { text: reply, reading } = await command(text, moderator);
    expect(reply).not.toContain("Sorry, something went wrong");
    expect(reading.rows).toBeLessThan(ROWS);
  });

  it("/cop rotation show and /cop meeting next: at most 10 D1 statements", async () => {
    for (const text of ["rotation show", "meeting next"]) {
      const { text: reply, reading } = await command(text);
      expect(reply).toContain('{"user":"U');
      expect(reading.statements, text).toBeLessThanOrEqual(10);
    }
  });

  it("buttons, forms and the setup checklist", async () => {
    const flows: [string, (ctx: ActionContext) => Promise<unknown>][] = [
      ["swap form", async (ctx) => swapForm.build(ctx, null, [NEXT])],
      ["I'll host", (ctx) => claimHost(ctx, NEXT)],
      ["heads-up pass", async (ctx) => passButton.handle(ctx, [NEXT])],
      ["meeting done", (ctx) => markDone(ctx, null, null)],
      ["topic choice", async (ctx) => topicChoose.handle(ctx, [NEXT, "1"])],
      ["setup checklist", (ctx) => readSetupState(ctx)],
    ];
    for (const [name, flow] of flows) {
      const { ctx, reading } = await actionContext();
      await flow(ctx);
      expect(reading.rows, name).toBeLessThan(ROWS);
    }
  });

  it("the meeting jobs and the topic refresh", async () => {
    const runs: [string, string, JobKind][] = [
      ["close", "2027-02-23", meetingClose],
      ["remind", `${NEXT}:24h`, meetingRemind],
      ["topics", "week:2027-02-22", topicRefresh],
      ["announce", NEXT, meetingAnnounce],
    ];
    for (const [name, period, job] of runs) {
      const { store, reading, d1 } = countedStore();
      const deps: JobDeps = {
        db: createDb(d1),
        d1,
        store,
        outbox: { enqueue: async () => {}, requeue: async () => {} },
        now: new Date("2027-02-27T09:05:00Z"),
      };
      await job.run(deps, { communityId, period });
      expect(reading.rows, name).toBeLessThan(ROWS);
    }
  });
});
