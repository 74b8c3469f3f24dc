import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { MEMBER, slashCommand } from "./support/slack.ts";
import { isolate, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const worker = isolate({ now: () => new Date() });
const lastReply = async () =>
  JSON.stringify((await sentTo("slack")).filter((c) => c.method === "response_url").at(-1)?.body);

/** A Slack community where the member has a kudos-free profile-free presence, and its id. */
async function community() {
  await worker(await slashCommand("help"));
  await env.DB.prepare("UPDATE members SET display_name = 'Ayu', last_active_on = '2026-03-09'").run();
  const row = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
  return row?.id ?? 0;
}

describe("/cop profile forget", () => {
  it("asks first (the command changes nothing), then forgets on the button: alumni, no id, no name", async () => {
    const communityId = await community();
    const before = await snapshot();
    const asked = await worker(await slashCommand("profile forget"));
    const body = await asked.text();
    expect(body).toContain("Erase my data");
    expect(body).toContain("privacy.forget");
    expect(await snapshot()).toBe(before);

    await worker(await slackButton(packedButton(communityId, "privacy.forget")));
    const row = await env.DB.prepare(
      "SELECT platform_user_id, display_name, status, last_active_on FROM members",
    ).first();
    expect(row).toMatchObject({ display_name: null, status: "alumni", last_active_on: null });
    expect(row?.platform_user_id).toMatch(/^former:\d+$/);
    expect(await lastReply()).toContain("is erased");
  });

  it("a second press, or a press naming another community, answers 'not available' and changes nothing", async () => {
    const communityId = await community();
    await worker(await slackButton(packedButton(communityId, "privacy.forget")));
    const after = await snapshot();
    await worker(await slackButton(packedButton(communityId, "privacy.forget")));
    expect(await snapshot()).toBe(after);
    await worker(await slackButton(packedButton(communityId + 1, "privacy.forget")));
    expect(await snapshot()).toBe(after);
    expect(await lastReply()).not.toContain("is erased");
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM members WHERE platform_user_id = ?")
        .bind(MEMBER)
        .first(),
    ).toEqual({ n: 0 });
  });
});
