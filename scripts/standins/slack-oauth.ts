import type { Context, Hono } from "hono";
import type { StandinState } from "./state.ts";

/** Slack's authorization codes expire after 10 minutes and work once. */
const CODE_TTL_MS = 10 * 60_000;
/** With token rotation, access tokens live 12 hours. */
const ROTATING_TOKEN_S = 12 * 60 * 60;

/**
 * Slack's install as the stand-in plays it. `GET /slack/oauth/v2/authorize` is Slack's page
 * (Allow or Cancel, and which workspace: a new one unless `team` names one); the choice
 * redirects to the app's `redirect_uri` with `code` and `state`, or `error=access_denied`.
 * `oauth.v2.access` (under /slack/api, no bearer token: the client id and secret authenticate)
 * checks client id, secret, code and redirect_uri as Slack does; a code works once, for 10
 * minutes; each workspace gets its own team id and bot token, which the Web API stand-in then
 * accepts. With `slackTokenRotation`, installs also get a refresh token, and
 * `grant_type=refresh_token` trades it (once) for a new pair.
 */
export function addSlackOauthRoutes(app: Hono, state: StandinState): void {
  app.get("/oauth/v2/authorize", (c) => {
    const q = c.req.query();
    if (q.client_id !== state.config.slackClientId)
      return c.html(page("<p>Invalid client_id parameter</p>"), 400);
    if (!q.redirect_uri) return c.html(page("<p>redirect_uri did not match any configured URIs</p>"), 400);
    const decide = (decision: string) =>
      `/slack/oauth/v2/decide?${new URLSearchParams({ ...q, decision }).toString()}`;
    const next = `T0WS${String(state.oauth.teams.length + 1).padStart(3, "0")}`;
    return c.html(
      page(
        `<p>guyub is requesting permission to access a workspace (scopes: ${esc(q.scope ?? "")}).</p>
<form method="get" action="/slack/oauth/v2/decide">${Object.entries(q)
          .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
          .join("")}
<label>Workspace id <input name="team" value="${esc(q.team ?? next)}"></label>
<label>Name <input name="team_name" value="${esc(q.team_name ?? `Workspace ${next}`)}"></label>
<button name="decision" value="allow">Allow</button> <a href="${esc(decide("cancel"))}">Cancel</a></form>`,
      ),
    );
  });

  app.get("/oauth/v2/decide", (c) => decide(c, state));
}

function decide(c: Context, state: StandinState): Response {
  const q = c.req.query();
  if (q.client_id !== state.config.slackClientId || !q.redirect_uri)
    return c.html(page("<p>Invalid client_id parameter</p>"), 400);
  const target = new URL(q.redirect_uri);
  if (q.state) target.searchParams.set("state", q.state);
  if (q.decision !== "allow") {
    target.searchParams.set("error", "access_denied");
    return c.redirect(target.toString(), 302);
  }
  const teamId = q.team || `T0WS${String(state.oauth.teams.length + 1).padStart(3, "0")}`;
  const code = `code-${teamId}-${crypto.randomUUID()}`;
  state.oauth.codes.set(code, {
    redirectUri: q.redirect_uri,
    teamId,
    teamName: q.team_name || `Workspace ${teamId}`,
    userId: q.user || "U0INSTALLER",
    expiresAt: Date.now() + CODE_TTL_MS / state.config.timeScale,
  });
  target.searchParams.set("code", code);
  return c.redirect(target.toString(), 302);
}

/** `oauth.v2.access`: Slack's answer, `ok: false` with its error codes when something is off. */
export function oauthAccess(state: StandinState, args: Record<string, unknown>): Record<string, unknown> {
  const { config, oauth } = state;
  const arg = (name: string) => (typeof args[name] === "string" ? (args[name] as string) : "");
  if (!arg("client_id")) return { ok: false, error: "invalid_client_id" };
  if (arg("client_id") !== config.slackClientId) return { ok: false, error: "invalid_client_id" };
  if (arg("client_secret") !== config.slackClientSecret) return { ok: false, error: "bad_client_secret" };
  if (arg("grant_type") === "refresh_token") {
    const teamId = oauth.refreshTokens.get(arg("refresh_token"));
    if (!teamId) return { ok: false, error: "invalid_refresh_token" };
    oauth.refreshTokens.delete(arg("refresh_token"));
    return { ok: true, ...issue(state, teamId), token_type: "bot", team: { id: teamId } };
  }
  const code = oauth.codes.get(arg("code"));
  if (!code || code.expiresAt <= Date.now()) {
    oauth.codes.delete(arg("code"));
    return { ok: false, error: "invalid_code" };
  }
  if (arg("redirect_uri") !== code.redirectUri) return { ok: false, error: "bad_redirect_uri" };
  oauth.codes.delete(arg("code"));
  if (!oauth.teams.includes(code.teamId)) oauth.teams.push(code.teamId);
  return {
    ok: true,
    ...issue(state, code.teamId),
    token_type: "bot",
    scope:
      "commands,chat:write,users:read,im:write,channels:read,groups:read,channels:history,groups:history,team:read,files:write",
    bot_user_id: `UB${code.teamId.slice(1)}`,
    app_id: "A0STANDIN",
    team: { id: code.teamId, name: code.teamName },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: code.userId },
  };
}

/** A new bot token for the workspace (accepted by the Web API stand-in from now on). */
function issue(state: StandinState, teamId: string): Record<string, unknown> {
  const n = ++state.oauth.seq;
  const rotating = state.config.slackTokenRotation;
  const token = `${rotating ? "xoxe.xoxb-1-" : "xoxb-"}${teamId}-${n}-${crypto.randomUUID().slice(0, 8)}`;
  state.config.slackTokens.push(token);
  if (!rotating) return { access_token: token };
  const refresh = `xoxe-1-${teamId}-${n}-${crypto.randomUUID().slice(0, 8)}`;
  state.oauth.refreshTokens.set(refresh, teamId);
  return { access_token: token, refresh_token: refresh, expires_in: ROTATING_TOKEN_S };
}

function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Slack (stand-in)</title></head><body><h1>Slack (stand-in)</h1>${body}</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
