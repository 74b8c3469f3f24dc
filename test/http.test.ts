import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { rowCounts } from "./support/db.ts";
import { signedSlack } from "./support/slack.ts";
import { send } from "./support/worker.ts";

describe("HTTP surface", () => {
  it("answers /healthz without secrets", async () => {
    const response = await exports.default.fetch("https://guyub.test/healthz");
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ ok: true, service: "guyub" });
    expect(body).not.toContain(String(env.SLACK_SIGNING_SECRET));
  });

  it("answers the OAuth routes with a clear page while the Slack app's client id is not set", async () => {
    for (const path of ["/slack/install", "/slack/oauth/callback"]) {
      const response = await exports.default.fetch(`https://guyub.test${path}`);
      expect(response.status).toBe(503);
      const page = await response.text();
      expect(page).toContain("not set up for installing yet");
      expect(page).toContain("belum siap untuk dipasang");
    }
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await exports.default.fetch("https://guyub.test/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("refuses a 65 KiB body with 413 on every POST route", async () => {
    for (const path of ["/slack/events", "/discord/interactions"]) {
      const response = await exports.default.fetch(`https://guyub.test${path}`, {
        method: "POST",
        body: "x".repeat(65 * 1024),
      });
      expect(response.status).toBe(413);
    }
  });
});

describe("Slack Events API", () => {
  it("echoes the url_verification challenge after verifying", async () => {
    const body = JSON.stringify({
      type: "url_verification",
      token: "t",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    const response = await send(
      await signedSlack("/slack/events", body, { contentType: "application/json" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("refuses an unsigned url_verification", async () => {
    const response = await exports.default.fetch("https://guyub.test/slack/events", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "url_verification", challenge: "x" }),
    });
    expect(response.status).toBe(401);
  });

  it("acknowledges an event type it does not handle with 200 and writes nothing", async () => {
    const before = await rowCounts();
    const body = JSON.stringify({
      type: "event_callback",
      team_id: "T0GUYUB01",
      api_app_id: "A0GUYUB",
      event_id: "Ev01",
      event: { type: "reaction_added", user: "U0MEMBER", reaction: "tada" },
    });
    const response = await send(
      await signedSlack("/slack/events", body, { contentType: "application/json" }),
    );
    expect(response.status).toBe(200);
    expect(await rowCounts()).toEqual(before);
  });

  it("acknowledges an unknown envelope type and refuses non-JSON", async () => {
    const unknown = await send(await signedSlack("/slack/events", JSON.stringify({ type: "something_new" })));
    expect(unknown.status).toBe(200);
    const garbage = await send(await signedSlack("/slack/events", "{not json"));
    expect(garbage.status).toBe(400);
  });

  it("acknowledges an interactivity payload nobody handles", async () => {
    const payload = JSON.stringify({
      type: "block_actions",
      team: { id: "T0GUYUB01" },
      user: { id: "U0MEMBER" },
      actions: [],
    });
    const response = await send(
      await signedSlack("/slack/interactions", new URLSearchParams({ payload }).toString()),
    );
    expect(response.status).toBe(200);
  });
});
