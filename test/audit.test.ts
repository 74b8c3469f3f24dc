import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../src/core/i18n/index.ts";
import { actionText } from "../src/features/audit/lines.ts";
import { PAGE_SIZE } from "../src/features/audit/ports.ts";
import { FEATURES } from "../src/features/index.ts";
import { resetDb } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { MODERATOR, slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Worker = ReturnType<typeof isolate>;
const says = async (worker: Worker, text: string, user = MODERATOR) =>
  JSON.stringify(await (await worker(await slashCommand(text, { user_id: user }))).json());
const auditRows = async () =>
  (
    await env.DB.prepare("SELECT action, detail FROM audit_log ORDER BY id").all<{
      action: string;
      detail: string;
    }>()
  ).results;
const communityId = async () =>
  (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;

describe("/copmod audit", () => {
  it("lists moderators' actions newest first, who, what and when, in the community's language", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "moderators add <@U0AYU|ayu>");
    await says(worker, "delivery pause");
    const list = await says(worker, "audit list");
    expect(list).toContain("Moderators' log");
    expect(list.indexOf("Hold all outgoing")).toBeGreaterThan(0);
    expect(list.indexOf("Hold all outgoing")).toBeLessThan(
      list.indexOf("Add a member to the moderator list"),
    );
    expect(list).toContain("<@U0MODERATOR>");
    expect(list).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    await says(worker, "language id");
    const id = await says(worker, "audit list");
    expect(id).toContain("Catatan tindakan moderator");
    expect(id).toMatch(/\d{4}-\d\d-\d\d \d\d\.\d\d/);
  });

  it("a member who asked guyub to forget them shows as 'a former member' in the lines", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "help", "U0AYU");
    await says(worker, "moderators add <@U0AYU|ayu>");
    await says(worker, "moderators remove <@U0AYU|ayu>");
    await worker(await slackButton(packedButton(await communityId(), "privacy.forget"), { user: "U0AYU" }));
    const list = await says(worker, "audit list");
    expect(list).toContain("member: a former member");
    expect(list).not.toContain("former:");
  });

  it("a note is kept as an audit row, escaped, and shown with the member's history only", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "moderators add <@U0AYU|ayu>");
    await says(worker, "moderators add <@U0BUDI|budi>");
    const reply = await says(worker, "audit note <@U0AYU|ayu> asked about the rubric <!channel> @everyone");
    expect(reply).toContain("Your note on");
    const note = (await auditRows()).find((row) => row.action === "audit note");
    expect(JSON.parse(note?.detail ?? "{}").args).toEqual({
      member: "U0AYU",
      text: "asked about the rubric @channel @everyone", // Slack's special mention, read as plain text
    });
    const ayu = await says(worker, "audit list <@U0AYU|ayu>");
    expect(ayu).toContain("History of");
    expect(ayu).toContain("asked about the rubric @channel @everyone");
    expect(ayu).not.toContain("<!channel>"); // shown as text: the note pings nobody
    expect(ayu).toContain("Add a member to the moderator list");
    expect(ayu).not.toContain("U0BUDI");
  });

  it("refuses a note too long, and members, writing nothing", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    expect(await says(worker, `audit note <@U0AYU|ayu> ${"x".repeat(121)}`)).toContain("120");
    expect(await says(worker, "audit note <@U0AYU|ayu> hello", "U0MEMBER")).toContain("moderator");
    expect(await auditRows()).toEqual([]);
  });

  it("pages: a More button past the page, which shows the next one", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    for (let i = 0; i < PAGE_SIZE + 2; i++) await says(worker, `audit note <@U0AYU|ayu> note ${i}`);
    const first = await says(worker, "audit list");
    expect(first).toContain("note 11");
    expect(first).not.toContain('note 1\\"');
    expect(first).toContain("audit.more");
    await worker(
      await slackButton(packedButton(await communityId(), "audit.more", [String(PAGE_SIZE)]), {
        user: MODERATOR,
      }),
    );
    const next = JSON.stringify((await sentTo("slack")).filter((c) => c.method === "response_url"));
    expect(next).toContain("note 1");
    expect(next).toContain("note 0");
    expect(next).not.toContain("note 5");
    expect(next).not.toContain("audit.more");
  });

  it("More pressed by a member shows nothing", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "audit note <@U0AYU|ayu> secret words");
    await says(worker, "help", "U0MEMBER"); // a stored member of the community, not a moderator
    await worker(
      await slackButton(packedButton(await communityId(), "audit.more", ["0"]), { user: "U0MEMBER" }),
    );
    const replies = JSON.stringify((await sentTo("slack")).filter((c) => c.method === "response_url"));
    expect(replies).toContain("moderator"); // told why, privately
    expect(replies).not.toContain("secret words");
  });

  it("every action guyub writes has a line in both languages", () => {
    const actions = [
      "audit note",
      "delivery lost",
      ...FEATURES.flatMap((f) => f.commands)
        .filter((c) => c.moderator)
        .map((c) => c.name),
      "moderators add",
      "delivery retry",
      "language",
      "setup",
    ];
    for (const locale of ["en", "id"] as const)
      for (const action of actions) expect(actionText(translator(locale), action)).not.toBe(action);
  });
});

describe("the audit trail's part in a member's export and erasure", () => {
  it("exports notes about a member by date only, and forget replaces their id everywhere in the trail", async () => {
    const { auditStore } = await import("../src/features/audit/store.ts");
    const { createDb } = await import("../src/db/client.ts");
    const worker = isolate({ sessionCacheMs: 0 });
    await says(worker, "moderators add <@U0AYU|ayu>");
    await says(worker, "audit note <@U0AYU|ayu> private words");
    const db = createDb(env.DB);
    const community = await communityId();
    const member = { memberId: 0, userId: "U0AYU" };
    const exported = await auditStore.memberData?.export(db, community, member);
    expect(exported?.moderatorNotesAbout).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]);
    expect(JSON.stringify(exported)).not.toContain("private words");
    expect(JSON.stringify(exported)).not.toContain(MODERATOR);
    const queries = auditStore.memberData?.forget(db, community, member, "former:1", new Date()) ?? [];
    for (const query of queries) await db.executeQuery(query);
    const rows = await auditRows();
    expect(rows).toHaveLength(2); // the rows stay, without the member's identity
    expect(JSON.stringify(rows)).not.toContain("U0AYU");
    expect(JSON.stringify(rows)).toContain("former:1");
  });
});
