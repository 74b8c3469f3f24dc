import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { handleInteraction } from "../src/core/actions/handle.ts";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { type CommandRequest, type CoreDeps, handleCommand } from "../src/core/handle-command.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { keyRingSealer } from "../src/secrets/sealer.ts";
import { resetDb } from "./support/db.ts";
import { packedButton } from "./support/interactions.ts";
import { TRAITS } from "./support/traits.ts";

/**
 * The reads before a report or a press are hints: a racing request may commit in between. Here
 * the reads are made stale on purpose, so only the batch's own conditions (the count inside the
 * INSERT, the card key, the conditional UPDATE) stand between a race and a double.
 */
const NOW = new Date("2027-03-05T03:00:00Z");
const WORKSPACE = "T0RACE";
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];

beforeEach(resetDb);

function deps(stale: (store: ReturnType<typeof createCommunityStore>) => object, now = NOW): CoreDeps {
  const db = createCommunityStore(createDb(env.DB), env.DB);
  return { store: { ...db, ...stale(db) } as typeof db, now: () => now, sealer: keyRingSealer(env) };
}

function command(user: string, text: string, moderator = false): CommandRequest {
  return {
    traits: TRAITS.slack,
    contact: {
      platform: "slack",
      workspaceId: WORKSPACE,
      workspaceName: null,
      userId: user,
      displayName: user,
      initialLocale: "en",
    },
    syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
    authority: () => ({ kind: "payload", isModerator: moderator }),
    parse: (registry) =>
      parseCommandText(registry, TRAITS.slack, text, { root: moderator ? "copmod" : "cop" }),
    ingressKey: `slack:${WORKSPACE}:trigger:${Math.random().toString(36).slice(2)}`,
    place: { channelId: "C0GENERAL", isBot: async () => false },
  };
}

const say = async (d: CoreDeps, user: string, text: string, moderator = false) =>
  JSON.stringify((await handleCommand(d, command(user, text, moderator))).message);

describe("reports racing", () => {
  it("the 6th report of a day is refused inside the INSERT, even when the count read said 0", async () => {
    const d = deps((db) => ({ reports: { ...db.reports, madeOn: async () => 0 } }));
    for (let i = 1; i <= 5; i++) expect(await say(d, "U0AYU", `report thing ${i}`)).toContain("Thank you");
    const raced = await say(d, "U0AYU", "report thing 6");
    expect(raced).toContain("You have made 5 reports today");
    expect(await rows("SELECT count(*) AS n FROM reports")).toEqual([{ n: 5 }]);
    expect(await rows("SELECT count(*) AS n FROM report_reporters")).toEqual([{ n: 5 }]);
    // A 6th that would merge into a report someone else made: refused by the reporter row's INSERT.
    const subject = "note:00000000-0000-4000-8000-000000000002";
    const uuid = crypto.randomUUID;
    crypto.randomUUID = (() => subject.slice(5)) as typeof crypto.randomUUID;
    try {
      expect(await say(d, "U0BUDI", "report it")).toContain("Thank you");
      expect(await say(d, "U0AYU", "report it too")).toContain("You have made 5 reports today");
    } finally {
      crypto.randomUUID = uuid;
    }
    expect(await rows(`SELECT report_count FROM reports WHERE subject = '${subject}'`)).toEqual([
      { report_count: 1 },
    ]);
  });

  it("two first reports of one message that raced: one card, the second reporter counted", async () => {
    const stale = deps((db) => ({ reports: { ...db.reports, bySubject: async () => null } }));
    await say(stale, "U0MOD1", "report channel <#C0MODS|mods>", true);
    await env.DB.prepare(
      "INSERT INTO report_settings (community_id, channel_id, updated_at) SELECT id, 'C0MODS', '' FROM communities",
    ).run();
    // The same subject from both: what two message shortcuts on one message would send.
    const subject = "note:00000000-0000-4000-8000-000000000001";
    const uuid = crypto.randomUUID;
    crypto.randomUUID = (() => subject.slice(5)) as typeof crypto.randomUUID;
    try {
      expect(await say(stale, "U0AYU", "report rude")).toContain("Thank you");
      expect(await say(stale, "U0BUDI", "report rude too")).toContain("Thank you");
    } finally {
      crypto.randomUUID = uuid;
    }
    expect(await rows("SELECT subject, report_count FROM reports")).toEqual([{ subject, report_count: 2 }]);
    expect(await rows("SELECT kind, target FROM outbox")).toEqual([{ kind: "post", target: "C0MODS" }]);
  });

  it("two presses that both read the report open: only the first changes it and edits the card", async () => {
    const d = deps(() => ({}));
    // A moderator's command registers them (a refused one too: guyub has no directory here).
    await say(d, "U0MOD1", "report channel <#C0MODS|mods>", true);
    await say(d, "U0MOD2", "report channel <#C0MODS|mods>", true);
    await env.DB.prepare(
      "INSERT INTO report_settings (community_id, channel_id, updated_at) SELECT id, 'C0MODS', '' FROM communities",
    ).run();
    await say(d, "U0AYU", "report something happened");
    const [report] = await rows("SELECT card_key FROM reports");
    const ref = String(report?.card_key).slice("report:".length);
    const community = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const open = await d.store.reports.byRef(community, ref);
    const stale = deps((db) => ({ reports: { ...db.reports, byRef: async () => open } }));
    const press = (user: string) =>
      handleInteraction(stale, {
        traits: TRAITS.slack,
        userId: user,
        workspaceId: WORKSPACE,
        kind: "button",
        packed: packedButton(community, "report.claim", [ref]),
        ingressKey: crypto.randomUUID(),
        fallbackLocale: "en",
        syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
        authority: () => ({ kind: "payload", isModerator: true }),
      });
    await press("U0MOD1");
    await press("U0MOD2");
    expect(await rows("SELECT status, claimed_by FROM reports")).toEqual([
      { status: "claimed", claimed_by: "U0MOD1" },
    ]);
    expect(await rows("SELECT count(*) AS n FROM outbox WHERE kind = 'edit'")).toEqual([{ n: 1 }]);
  });

  it("keeps the time of a report's first moderator action: a claim, or the decision nobody claimed first", async () => {
    const d = deps(() => ({}));
    await say(d, "U0MOD1", "report channel <#C0MODS|mods>", true);
    await env.DB.prepare(
      "INSERT INTO report_settings (community_id, channel_id, updated_at) SELECT id, 'C0MODS', '' FROM communities",
    ).run();
    await say(d, "U0AYU", "report first thing");
    await say(d, "U0BUDI", "report second thing");
    const community = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const refs = (await rows("SELECT card_key FROM reports ORDER BY id")).map((r) =>
      String(r.card_key).slice("report:".length),
    );
    const press = (action: string, ref: string | undefined, at: string) =>
      handleInteraction(
        deps(() => ({}), new Date(at)),
        {
          traits: TRAITS.slack,
          userId: "U0MOD1",
          workspaceId: WORKSPACE,
          kind: "button",
          packed: packedButton(community, action, [String(ref)]),
          ingressKey: crypto.randomUUID(),
          fallbackLocale: "en",
          syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
          authority: () => ({ kind: "payload", isModerator: true }),
        },
      );
    await press("report.claim", refs[0], "2027-03-05T04:00:00Z");
    await press("report.dismiss", refs[0], "2027-03-05T09:00:00Z");
    await press("report.dismiss", refs[1], "2027-03-05T07:00:00Z");
    expect(await rows("SELECT status, first_action_at, closed_at FROM reports ORDER BY id")).toEqual([
      {
        status: "dismissed",
        first_action_at: "2027-03-05T04:00:00.000Z",
        closed_at: "2027-03-05T09:00:00.000Z",
      },
      {
        status: "dismissed",
        first_action_at: "2027-03-05T07:00:00.000Z",
        closed_at: "2027-03-05T07:00:00.000Z",
      },
    ]);
  });
});
