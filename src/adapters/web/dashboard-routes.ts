import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { MODERATOR_ROOT } from "../../core/commands/roots.ts";
import { localeFromAcceptLanguage } from "../../core/i18n/accept-language.ts";
import { type Locale, type MessageKey, translator } from "../../core/i18n/index.ts";
import type { PlatformAuthority } from "../../core/ports.ts";
import { moderatorResolver } from "../../core/session.ts";
import { createDb } from "../../db/client.ts";
import { createCommunityStore } from "../../db/store.ts";
import type { AppEnv } from "../../env.ts";
import { renderDashboardContent } from "../../features/dashboard/content.ts";
import { randomSecret, secretHash } from "../../features/dashboard/link.ts";
import { SESSION_TTL_MS } from "../../features/dashboard/ports.ts";
import { peekLink, readSession, redeemLink, startSession } from "../../features/dashboard/session-store.ts";
import type { Platforms } from "../../platforms.ts";
import { DASHBOARD_HEADERS, healthPage, openPage, refusalPage } from "./dashboard-page.ts";

type Env = { Bindings: AppEnv };
type C = Context<Env>;
const COOKIE = "guyub_dashboard";
/** A link's token and a session's id: 32 random bytes as hex. Anything else is refused unread. */
const SECRET = /^[0-9a-f]{64}$/;
type Refusal = "link" | "notModerator" | "unverifiable" | "session";

/**
 * The moderators' health page: `GET /dashboard/open` (the link: a button, redeems nothing),
 * `POST /dashboard/session` (redeems the link once, asks again whether its moderator moderates,
 * sets the session cookie, 303 to the page) and `GET /dashboard` (the page, with a live session).
 * Every answer carries `DASHBOARD_HEADERS`; every refusal is a short page in the community's
 * language where it is known (else the browser's), shows nothing of the community and is never
 * a 500. No log line names a member, a community or a token.
 */
export function dashboardRoutes(now: () => Date, platforms: (env: AppEnv) => Platforms): Hono<Env> {
  const routes = new Hono<Env>();

  routes.get(
    "/open",
    guarded(async (c) => {
      const token = c.req.query("t") ?? "";
      if (!SECRET.test(token)) return refuse(c, null, "link", 400);
      const link = await peekLink(createDb(c.env.DB), await secretHash(token), now());
      if (!link?.live) return refuse(c, link?.locale ?? null, "link", 403);
      return page(c, openPage(translator(link.locale), token));
    }),
  );

  routes.post(
    "/session",
    guarded(async (c) => {
      const form = await c.req.parseBody();
      const token = typeof form.t === "string" ? form.t : "";
      if (!SECRET.test(token)) return refuse(c, null, "link", 400);
      const at = now();
      const db = createDb(c.env.DB);
      const hash = await secretHash(token);
      const grant = await redeemLink(db, hash, at);
      if (!grant) {
        console.warn("dashboard link refused: unknown, used or expired");
        return refuse(c, (await peekLink(db, hash, at))?.locale ?? null, "link", 403);
      }
      // The link's own community and moderator, asked again now: guyub's list, else the platform.
      const store = createCommunityStore(db, c.env.DB, c.env);
      const { community, member } = await store.findMember(grant.communityId, grant.userId);
      if (!community) return refuse(c, null, "link", 403);
      if (!member) return refuse(c, community.locale, "notModerator", 403);
      const parts = platforms(c.env).get(community.platform);
      const authority: PlatformAuthority = {
        kind: "lookup",
        lookup: () =>
          parts
            ? parts.platformModerator(community.workspaceId, grant.userId, community.moderatorRoleId, now)
            : Promise.reject(new Error("this deployment is not wired for the community's platform")),
      };
      const status = await moderatorResolver(store, member, authority, at)({ fresh: true });
      if (status !== "moderator") {
        console.warn("dashboard link refused", { status });
        return refuse(c, community.locale, status === "unknown" ? "unverifiable" : "notModerator", 403);
      }
      const session = randomSecret();
      await startSession(db, await secretHash(session), grant, at, new Date(at.getTime() + SESSION_TTL_MS));
      setCookie(c, COOKIE, session, {
        httpOnly: true,
        secure: true,
        sameSite: "Strict",
        path: "/dashboard",
        maxAge: SESSION_TTL_MS / 1000,
      });
      return c.redirect("/dashboard", 303);
    }),
  );

  routes.get(
    "/",
    guarded(async (c) => {
      const cookie = getCookie(c, COOKIE) ?? "";
      if (!SECRET.test(cookie)) return refuse(c, null, "session", 401);
      const at = now();
      const db = createDb(c.env.DB);
      const session = await readSession(db, await secretHash(cookie), at);
      if (!session.ok) {
        deleteCookie(c, COOKIE, { path: "/dashboard", secure: true });
        return refuse(c, session.community?.locale ?? null, "session", 401);
      }
      const { community, grant } = session;
      const t = translator(community.locale);
      const content = await renderDashboardContent({
        db,
        communityId: grant.communityId,
        now: at,
        t,
        zone: community.timezone,
      });
      return page(c, healthPage(t, community.name ?? "", content));
    }),
  );

  return routes;
}

/** Every answer with the dashboard's headers; an unexpected failure is a page, never a 500. */
function guarded(handler: (c: C) => Promise<Response>) {
  return async (c: C) => {
    let response: Response;
    try {
      response = await handler(c);
    } catch (error) {
      console.error("dashboard failed", { error: error instanceof Error ? error.name : "unknown" });
      response = refuse(c, null, "unverifiable", 503);
    }
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
    return response;
  };
}

function page(c: C, html: string): Response {
  return c.html(html, 200);
}

const REFUSALS: Record<Refusal, MessageKey> = {
  link: "dashboard.refused.link",
  notModerator: "dashboard.refused.notModerator",
  unverifiable: "dashboard.refused.unverifiable",
  session: "dashboard.refused.session",
};

function refuse(c: C, locale: Locale | null, why: Refusal, status: 400 | 401 | 403 | 503): Response {
  const t = translator(locale ?? localeFromAcceptLanguage(c.req.header("accept-language")));
  const line = t(REFUSALS[why] as "dashboard.refused.link", { usage: `/${MODERATOR_ROOT} dashboard` });
  return c.html(refusalPage(t, line), status);
}
