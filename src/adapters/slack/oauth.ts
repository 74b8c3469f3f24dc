import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DEFAULT_SLACK_API_URL } from "../../api-defaults.ts";
import { MODERATOR_ROOT } from "../../core/commands/roots.ts";
import type { MessageKey, Translator } from "../../core/i18n/index.ts";
import { createDb } from "../../db/client.ts";
import { consumeState, STATE_TTL_MS, saveInstallation, saveState } from "../../db/installations.ts";
import { createDeliveryQueue } from "../../delivery/queue.ts";
import type { AppEnv } from "../../env.ts";
import { bindingOf, encrypt } from "../../secrets/envelope.ts";
import { keyRing } from "../../secrets/key-ring.ts";
import { installPage } from "./install-page.ts";
import { SLACK_BOT_SCOPES } from "./manifest.ts";
import { exchangeCode, OauthAccessError, type OauthGrant } from "./oauth-access.ts";

const COOKIE = "guyub_slack_state";
type Env = { Bindings: AppEnv };
type Line = (t: Translator) => string;

/**
 * Slack OAuth v2: `GET /install` starts an install, `GET /oauth/callback` finishes it. The
 * `state` is single-use (its SHA-256 in D1 for 10 minutes, consumed by one DELETE … RETURNING)
 * and bound to the browser that started the install by an HttpOnly, Secure, SameSite=Lax cookie
 * (Lax: the callback is a top-level GET from slack.com). Every refusal is a page in both
 * languages and stores nothing.
 */
export function slackOauthRoutes(now: () => Date): Hono<Env> {
  const routes = new Hono<Env>();

  routes.get("/install", async (c) => {
    const config = oauthConfig(c.env);
    if (!config) return c.html(installPage("install.title", [(t) => t("install.notConfigured")], null), 503);
    const state = randomToken();
    await saveState(createDb(c.env.DB), await sha256(state), now());
    setCookie(c, COOKIE, state, {
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/slack/oauth",
      maxAge: STATE_TTL_MS / 1000,
    });
    const url = new URL(authorizeUrl(config.apiUrl));
    url.search = new URLSearchParams({
      client_id: config.clientId,
      scope: SLACK_BOT_SCOPES.join(","),
      redirect_uri: config.redirectUri,
      state,
    }).toString();
    return c.redirect(url.toString(), 302);
  });

  routes.get("/oauth/callback", async (c) => {
    const page = (
      status: 200 | 400 | 403 | 500 | 502 | 503,
      title: MessageKey,
      lines: Line[],
      again = true,
    ) => {
      setCookie(c, COOKIE, "", {
        httpOnly: true,
        secure: true,
        sameSite: "Lax",
        path: "/slack/oauth",
        maxAge: 0,
      });
      return c.html(installPage(title, lines, again ? "/slack/install" : null), status);
    };
    const config = oauthConfig(c.env);
    if (!config) return page(503, "install.title", [(t) => t("install.notConfigured")], false);
    const query = c.req.query();
    if (query.error) {
      // The moderator pressed Cancel on Slack's page (access_denied): a clear page, nothing stored.
      console.warn("slack install cancelled", { error: query.error.slice(0, 100) });
      return page(200, "install.cancelled.title", [(t) => t("install.cancelled")]);
    }
    const state = query.state ?? "";
    const cookie = getCookie(c, COOKIE) ?? "";
    // The cookie is checked before the state is consumed: a forged callback cannot spend it.
    if (!state || !cookie || !(await sameText(state, cookie))) {
      console.warn("slack install refused: state does not match this browser's");
      return page(400, "install.title", [(t) => t("install.badState")]);
    }
    const db = createDb(c.env.DB);
    const consumed = await consumeState(db, await sha256(state), now());
    if (consumed !== "ok") {
      console.warn("slack install refused", { state: consumed });
      return page(400, "install.title", [
        (t) => t(consumed === "expired" ? "install.expired" : "install.badState"),
      ]);
    }
    if (!query.code) return page(400, "install.title", [(t) => t("install.noCode")]);
    let grant: OauthGrant;
    try {
      grant = await exchangeCode(config, query.code, config.redirectUri);
    } catch (error) {
      const code = error instanceof OauthAccessError ? error.code : "unknown_error";
      console.error("slack install: oauth.v2.access failed", { error: code });
      return page(502, "install.title", [(t) => t("install.slackRefused", { error: code })]);
    }
    const team = grant.team;
    if (!team) return page(502, "install.title", [(t) => t("install.slackRefused", { error: "no_team" })]);
    const workspace = team.name ?? team.id;
    if (config.allowedTeams && !config.allowedTeams.includes(team.id)) {
      console.warn("slack install refused: team not in SLACK_ALLOWED_TEAMS", { team: team.id });
      return page(403, "install.title", [(t) => t("install.notAllowed", { workspace })], false);
    }
    let sealed: { bot: string; refresh: string | null };
    try {
      const ring = await keyRing(c.env);
      sealed = {
        bot: await encrypt(ring, grant.access_token, bindingOf("slack", team.id, "bot_token")),
        refresh: grant.refresh_token
          ? await encrypt(ring, grant.refresh_token, bindingOf("slack", team.id, "refresh_token"))
          : null,
      };
    } catch (error) {
      console.error("slack install: the token cannot be encrypted, nothing stored", { error: String(error) });
      return page(500, "install.title", [(t) => t("install.notConfigured")], false);
    }
    const at = now();
    const released = await saveInstallation(
      db,
      c.env.DB,
      {
        workspaceId: team.id,
        workspaceName: team.name ?? null,
        enterpriseId: grant.enterprise?.id ?? null,
        appId: grant.app_id ?? null,
        botUserId: grant.bot_user_id ?? null,
        scopes: grant.scope ?? "",
        installerUserId: grant.authed_user?.id ?? null,
        botToken: sealed.bot,
        refreshToken: sealed.refresh,
        tokenExpiresAt: grant.expires_in
          ? new Date(at.getTime() + grant.expires_in * 1000).toISOString()
          : null,
      },
      at,
    );
    // A reinstall: what waited on the uninstall goes out now, under the new token.
    if (released.length > 0) await createDeliveryQueue(c.env.OUTBOX).enqueue(released);
    console.log("slack workspace installed", { team: team.id });
    return page(
      200,
      "install.done.title",
      [
        (t) => t("install.done", { workspace }),
        (t) => t("install.done.next", { usage: `/${MODERATOR_ROOT} setup` }),
      ],
      false,
    );
  });

  return routes;
}

interface OauthConfig {
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly allowedTeams: readonly string[] | null;
}

function oauthConfig(env: AppEnv): OauthConfig | null {
  if (!env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET || !env.PUBLIC_URL) return null;
  const allowed = (env.SLACK_ALLOWED_TEAMS ?? "")
    .split(",")
    .map((team) => team.trim())
    .filter(Boolean);
  return {
    apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    redirectUri: `${env.PUBLIC_URL.replace(/\/+$/, "")}/slack/oauth/callback`,
    allowedTeams: allowed.length > 0 ? allowed : null,
  };
}

/**
 * Slack's authorize page sits beside its Web API: `https://slack.com/api/` gives
 * `https://slack.com/oauth/v2/authorize`, and a local stand-in's API URL gives the stand-in's page.
 */
export function authorizeUrl(apiUrl: string): string {
  return new URL("../oauth/v2/authorize", apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`).toString();
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two secrets by their digests, so the time taken says nothing of where they differ. */
async function sameText(a: string, b: string): Promise<boolean> {
  return (await sha256(a)) === (await sha256(b));
}
