/**
 * Checks of the Slack install as the stand-in plays it (run by selfcheck.ts): the authorize
 * redirect, `oauth.v2.access` refusing what Slack refuses, single-use codes, a second workspace
 * with its own team id and token, and token rotation's single-use refresh tokens.
 */
import assert from "node:assert/strict";
import { type Check, type Client, control, slackResult } from "./selfcheck-client.ts";

const REDIRECT = "https://guyub.example/slack/oauth/callback";
const CLIENT = { client_id: "test-client-id", client_secret: "test-client-secret" };

/** Plays Slack's authorize page: Allow (for `team`, else a new workspace) or Cancel. */
export async function authorize(c: Client, decision: "allow" | "cancel", team?: string): Promise<URL> {
  const q = new URLSearchParams({
    client_id: CLIENT.client_id,
    redirect_uri: REDIRECT,
    state: "s1",
    decision,
  });
  if (team) q.set("team", team);
  const page = await fetch(`${c.base}/slack/oauth/v2/authorize?${q}`);
  assert.equal(page.status, 200);
  const r = await fetch(`${c.base}/slack/oauth/v2/decide?${q}`, { redirect: "manual" });
  assert.equal(r.status, 302);
  return new URL(r.headers.get("location") ?? "");
}

export function oauthChecks(c: Client): Check[] {
  const access = (args: Record<string, string>) => c.slack("oauth.v2.access", args, null);
  return [
    [
      "slack oauth: authorize redirects with code and state; the code works once, with the right client and redirect",
      async () => {
        const back = await authorize(c, "allow");
        assert.equal(back.searchParams.get("state"), "s1");
        const code = back.searchParams.get("code") ?? "";
        assert.ok(code);
        await slackResult(
          access({ ...CLIENT, client_secret: "wrong", code, redirect_uri: REDIRECT }),
          "bad_client_secret",
        );
        await slackResult(
          access({ ...CLIENT, client_id: "other", code, redirect_uri: REDIRECT }),
          "invalid_client_id",
        );
        await slackResult(
          access({ ...CLIENT, code, redirect_uri: "https://evil.example/cb" }),
          "bad_redirect_uri",
        );
        const grant = await slackResult(access({ ...CLIENT, code, redirect_uri: REDIRECT }));
        assert.equal((grant.team as { id: string }).id, "T0WS001");
        assert.equal(grant.token_type, "bot");
        assert.equal(grant.refresh_token, undefined);
        await slackResult(access({ ...CLIENT, code, redirect_uri: REDIRECT }), "invalid_code");
        await slackResult(c.slack("auth.test", {}, grant.access_token as string));
      },
    ],
    [
      "slack oauth: a second workspace gets its own team id and token; Cancel sends access_denied",
      async () => {
        const first = await authorize(c, "allow");
        const a = await slackResult(
          access({ ...CLIENT, code: first.searchParams.get("code") ?? "", redirect_uri: REDIRECT }),
        );
        const second = await authorize(c, "allow");
        const b = await slackResult(
          access({ ...CLIENT, code: second.searchParams.get("code") ?? "", redirect_uri: REDIRECT }),
        );
        assert.notEqual((a.team as { id: string }).id, (b.team as { id: string }).id);
        assert.notEqual(a.access_token, b.access_token);
        const cancelled = await authorize(c, "cancel");
        assert.equal(cancelled.searchParams.get("error"), "access_denied");
        assert.equal(cancelled.searchParams.get("code"), null);
      },
    ],
    [
      "slack oauth: with token rotation a refresh token is traded once for a new pair",
      async () => {
        await control(c, "POST", "/__config", { slackTokenRotation: true });
        const back = await authorize(c, "allow");
        const grant = await slackResult(
          access({ ...CLIENT, code: back.searchParams.get("code") ?? "", redirect_uri: REDIRECT }),
        );
        assert.equal(grant.expires_in, 43200);
        const refresh = grant.refresh_token as string;
        const next = await slackResult(
          access({ ...CLIENT, grant_type: "refresh_token", refresh_token: refresh }),
        );
        assert.notEqual(next.access_token, grant.access_token);
        assert.notEqual(next.refresh_token, refresh);
        await slackResult(
          access({ ...CLIENT, grant_type: "refresh_token", refresh_token: refresh }),
          "invalid_refresh_token",
        );
        await slackResult(c.slack("auth.test", {}, next.access_token as string));
      },
    ],
  ];
}
