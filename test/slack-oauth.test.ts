import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { slackTokens } from "../src/adapters/slack/tokens.ts";
import { createDb } from "../src/db/client.ts";
import { resetDb, rowCounts } from "./support/db.ts";
import {
  callback,
  decide,
  install,
  installations,
  standinAuthorize,
  startInstall,
} from "./support/install.ts";
import { resetStandins, testEnv } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const tokenFor = (team: string) =>
  slackTokens({
    db: createDb(env.DB),
    secrets: testEnv(),
    apiUrl: testEnv().SLACK_API_URL ?? "",
    now: () => new Date(),
  })(team);

describe("Slack OAuth v2 install", () => {
  it("redirects to the authorize page of SLACK_API_URL's host with a state bound to a Lax, Secure, HttpOnly cookie", async () => {
    const started = await startInstall();
    expect(`${started.authorize.origin}${started.authorize.pathname}`).toBe(standinAuthorize());
    expect(started.authorize.searchParams.get("redirect_uri")).toBe(
      "https://guyub.test/slack/oauth/callback",
    );
    expect(started.authorize.searchParams.get("scope")).toContain("chat:write");
    expect(started.state.length).toBeGreaterThan(30);
    const stored = await env.DB.prepare("SELECT state_hash FROM oauth_states").all<{ state_hash: string }>();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]?.state_hash).not.toContain(started.state);
    expect(started.cookie).toBe(`guyub_slack_state=${started.state}`);
  });

  it("installs two workspaces, each with its own sealed token, and each is served with its own", async () => {
    const first = await install("T0FIRST");
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("guyub is now in the Workspace T0FIRST workspace");
    expect((await install("T0SECOND")).status).toBe(200);
    const rows = await installations();
    expect(rows.map((r) => [r.workspace_id, r.status, r.installer_user_id])).toEqual([
      ["T0FIRST", "active", "U0INSTALLER"],
      ["T0SECOND", "active", "U0INSTALLER"],
    ]);
    for (const row of rows) expect(String(row.bot_token)).toMatch(/^v1:k0:[\w-]+:[\w-]+$/);
    const [a, b] = [await tokenFor("T0FIRST"), await tokenFor("T0SECOND")];
    expect(a).toMatch(/^xoxb-T0FIRST-/);
    expect(b).toMatch(/^xoxb-T0SECOND-/);
    // A workspace with no installation is SLACK_BOT_TOKEN's own (single-workspace mode).
    expect(await tokenFor("T0OTHER")).toBe(env.SLACK_BOT_TOKEN);
    expect((await rowCounts()).communities).toBe(2);
  });

  it("refuses a callback whose state is not this browser's cookie, and keeps the state for the real one", async () => {
    const started = await startInstall();
    const back = await decide(started, "allow");
    for (const cookie of [null, "guyub_slack_state=forged"]) {
      const response = await callback(back, cookie);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This install link is not valid");
    }
    expect(await installations()).toEqual([]);
    expect((await callback(back, started.cookie)).status).toBe(200);
  });

  it("refuses a replayed callback: the state works once", async () => {
    const started = await startInstall();
    const back = await decide(started, "allow");
    expect((await callback(back, started.cookie)).status).toBe(200);
    const replay = await callback(back, started.cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("already used");
  });

  it("refuses a state older than 10 minutes and stores nothing", async () => {
    const t0 = new Date("2027-01-04T10:00:00Z");
    const started = await startInstall({ now: () => t0 });
    const back = await decide(started, "allow");
    const late = await callback(back, started.cookie, {
      now: () => new Date(t0.getTime() + 10 * 60_000 + 1),
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("longer than 10 minutes");
    expect(await installations()).toEqual([]);
  });

  it("a cancelled install, a callback without a code and Slack's refusal each get a page and store nothing", async () => {
    const cancelled = await startInstall();
    const denied = await callback(await decide(cancelled, "cancel"), cancelled.cookie);
    expect(denied.status).toBe(200);
    expect(await denied.text()).toContain("You cancelled the install");

    const noCode = await startInstall();
    const withoutCode = await decide(noCode, "allow");
    withoutCode.searchParams.delete("code");
    const missing = await callback(withoutCode, noCode.cookie);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("did not send the approval code");

    const refused = await startInstall();
    const wrongCode = await decide(refused, "allow");
    wrongCode.searchParams.set("code", "made-up");
    const answer = await callback(wrongCode, refused.cookie);
    expect(answer.status).toBe(502);
    expect(await answer.text()).toContain("invalid_code");
    expect(await installations()).toEqual([]);
    expect((await rowCounts()).communities).toBe(0);
  });

  it("SLACK_ALLOWED_TEAMS restricts who may install", async () => {
    const env = { SLACK_ALLOWED_TEAMS: "T0ALLOWED, T0ALSO" };
    const refused = await install("T0STRANGER", { env });
    expect(refused.status).toBe(403);
    expect(await installations()).toEqual([]);
    expect((await install("T0ALSO", { env })).status).toBe(200);
  });

  it("a token moved to another workspace's row does not decrypt: that workspace waits, the other is served", async () => {
    await install("T0FIRST");
    await install("T0SECOND");
    await env.DB.prepare(
      "UPDATE installations SET bot_token = (SELECT bot_token FROM installations WHERE workspace_id = 'T0FIRST') WHERE workspace_id = 'T0SECOND'",
    ).run();
    expect(await tokenFor("T0SECOND")).toBeNull();
    expect(await tokenFor("T0FIRST")).toMatch(/^xoxb-T0FIRST-/);
  });

  it("a missing key is a log line and no token, never a crash", async () => {
    await install("T0FIRST");
    const noKey = slackTokens({
      db: createDb(env.DB),
      secrets: { TOKEN_ENCRYPTION_KEY: undefined, TOKEN_ENCRYPTION_KEYS: undefined },
      apiUrl: "",
      now: () => new Date(),
    });
    expect(await noKey("T0FIRST")).toBeNull();
    const refused = await install("T0SECOND", {
      env: { TOKEN_ENCRYPTION_KEY: "", TOKEN_ENCRYPTION_KEYS: "" },
    });
    expect(refused.status).toBe(500);
    expect((await installations()).map((r) => r.workspace_id)).toEqual(["T0FIRST"]);
  });
});
