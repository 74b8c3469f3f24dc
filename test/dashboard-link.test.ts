import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { secretHash } from "../src/features/dashboard/link.ts";
import {
  expectDashboardHeaders,
  openLink,
  openPage,
  pressButton,
  sessionIn,
  storedLink,
  tokenIn,
} from "./support/dashboard.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack } from "./support/slack.ts";
import { injectFault, markUser } from "./support/standins.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const MINUTE = 60_000;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** The app at a moment (its clock pinned), as one isolate. */
const at = (moment: Date) => isolate({ now: () => moment, sessionCacheMs: 0 });

/** `/copmod dashboard` on Slack from `user`; the reply's JSON. */
async function ask(user = MODERATOR, moment = NOW): Promise<Record<string, unknown>> {
  const request = await signedSlack(
    "/slack/commands",
    commandBody("dashboard", { user_id: user, command: "/copmod" }),
    { timestamp: moment.getTime() / 1000 },
  );
  return (await (await at(moment)(request)).json()) as Record<string, unknown>;
}

const links = async () =>
  (await env.DB.prepare("SELECT token_hash, user_id, expires_at, used_at FROM dashboard_links").all())
    .results;
const communityId = async () =>
  (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;

/** Link, button, page: the moderator's whole way in. Returns the session id. */
async function signIn(token: string, moment = NOW): Promise<string> {
  const pressed = await at(moment)(pressButton(token));
  expect(pressed.status).toBe(303);
  expect(pressed.headers.get("location")).toBe("/dashboard");
  return sessionIn(pressed.headers.get("set-cookie"));
}

describe("/copmod dashboard on Slack", () => {
  it("answers privately with a one-time link, previews off; only the token's hash is stored, for 15 minutes", async () => {
    const reply = await ask();
    expect(reply).toMatchObject({ response_type: "ephemeral", unfurl_links: false, unfurl_media: false });
    const text = JSON.stringify(reply);
    const token = tokenIn(text);
    expect(text).toContain(`<http://127.0.0.1:8787/dashboard/open?t=${token}>`);
    expect(await links()).toEqual([
      {
        token_hash: await secretHash(token),
        user_id: MODERATOR,
        expires_at: new Date(NOW.getTime() + 15 * MINUTE).toISOString(),
        used_at: null,
      },
    ]);
    expect(JSON.stringify(await snapshot())).not.toContain(token);
  });

  it("is refused to a member, and stores no link", async () => {
    const text = JSON.stringify(await ask(MEMBER));
    expect(text).toContain("moderator");
    expect(text).not.toContain("/dashboard/open");
    expect(await links()).toEqual([]);
  });
});

describe("the link, the button and the page", () => {
  it("GET shows only a button and redeems nothing; the POST sets a strict cookie and 303s to the page", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    const opened = await at(NOW)(openLink(token));
    expect(opened.status).toBe(200);
    expectDashboardHeaders(opened, expect);
    const html = await opened.text();
    expect(html).toContain('<form method="post" action="/dashboard/session">');
    expect(html).not.toContain("<script");
    // Twice, as a preview fetcher and then the moderator would: still unused.
    await at(NOW)(openLink(token));
    expect((await links())[0]).toMatchObject({ used_at: null });

    const pressed = await at(NOW)(pressButton(token));
    expect(pressed.status).toBe(303);
    expectDashboardHeaders(pressed, expect);
    const cookie = pressed.headers.get("set-cookie") ?? "";
    for (const part of ["HttpOnly", "Secure", "SameSite=Strict", "Path=/dashboard", "Max-Age=3600"])
      expect(cookie).toContain(part);
    const page = await at(NOW)(openPage(sessionIn(cookie)));
    expect(page.status).toBe(200);
    expectDashboardHeaders(page, expect);
    const body = await page.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("how the community is doing");
    expect(body).not.toContain("<script");
  });

  it("works once: a second press is a clear refusal and starts no second session", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    await signIn(token);
    const again = await at(NOW)(pressButton(token));
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("already used");
    expect(again.headers.get("set-cookie")).toBeNull();
    const sessions = await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first();
    expect(sessions).toEqual({ n: 1 });
  });

  it("expires after 15 minutes: the page says so, the press is refused", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    const late = new Date(NOW.getTime() + 16 * MINUTE);
    expect((await at(late)(openLink(token))).status).toBe(403);
    const pressed = await at(late)(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await pressed.text()).toContain("expired");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });

  it("a forged or malformed token is refused in the browser's language, and nothing is written", async () => {
    await ask();
    const before = await snapshot();
    const forged = await at(NOW)(pressButton("f".repeat(64), { "accept-language": "id-ID,id;q=0.9" }));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<html lang="id">');
    const malformed = await at(NOW)(openLink("<script>"));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toContain("<script>");
    expect(await snapshot()).toBe(before);
  });

  it("a moderator taken off guyub's list between link and press is refused (the platform says member)", async () => {
    await ask(); // creates the community
    const id = await communityId();
    await at(NOW)(
      await signedSlack("/slack/commands", commandBody("help"), { timestamp: NOW.getTime() / 1000 }),
    );
    await env.DB.prepare("UPDATE members SET is_moderator = 1 WHERE platform_user_id = ?").bind(MEMBER).run();
    const token = "1".repeat(64);
    await storedLink(id, MEMBER, token, new Date(NOW.getTime() + 10 * MINUTE));
    await env.DB.prepare("UPDATE members SET is_moderator = 0 WHERE platform_user_id = ?").bind(MEMBER).run();
    const pressed = await at(NOW)(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await pressed.text()).toContain("not a moderator");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });

  it("a stale cookie shows a clear page and nothing of the community; a dropped moderator's session ends", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    const session = await signIn(token);
    const later = new Date(NOW.getTime() + 61 * MINUTE);
    const stale = await at(later)(openPage(session));
    expect(stale.status).toBe(401);
    expectDashboardHeaders(stale, expect);
    const html = await stale.text();
    expect(html).toContain("session has ended");
    expect(html).not.toContain("Recognition");
    expect(stale.headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await at(NOW)(openPage("0".repeat(64)))).status).toBe(401);
    expect((await at(NOW)(openPage(null))).status).toBe(401);
  });

  it("when Slack cannot be asked at the press, nothing opens and the page says to try again", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    await injectFault({ platform: "slack", match: "users.info", status: 500 });
    const pressed = await at(new Date(NOW.getTime() + MINUTE))(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await pressed.text()).toContain("could not confirm");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });

  it("a Slack admin demoted on Slack between link and press is refused (users.info asked afresh)", async () => {
    const token = tokenIn(JSON.stringify(await ask()));
    await markUser("slack", MODERATOR, "member");
    const pressed = await at(new Date(NOW.getTime() + MINUTE))(pressButton(token));
    expect(pressed.status).toBe(403);
    expect(await pressed.text()).toContain("not a moderator");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dashboard_sessions").first()).toEqual({ n: 0 });
  });
});
