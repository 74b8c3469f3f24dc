import { env } from "cloudflare:workers";
import { secretHash } from "../../src/features/dashboard/link.ts";

/** The one-time token in a reply's link (`…/dashboard/open?t=<64 hex>`), or throws. */
export function tokenIn(reply: string): string {
  const token = /\/dashboard\/open\?t=([0-9a-f]{64})/.exec(reply)?.[1];
  if (!token) throw new Error(`no dashboard link in ${reply.slice(0, 300)}`);
  return token;
}

/** A browser's GET of the link (no cookie). */
export const openLink = (token: string, headers: Record<string, string> = {}) =>
  new Request(`https://guyub.test/dashboard/open?t=${token}`, { headers });

/** The button's form POST. */
export const pressButton = (token: string, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams({ t: token }).toString();
  return new Request("https://guyub.test/dashboard/session", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(body.length),
      ...headers,
    },
    body,
  });
};

/** The page, with the session cookie a redemption set (or any cookie a test forges). */
export const openPage = (cookie: string | null, headers: Record<string, string> = {}) =>
  new Request("https://guyub.test/dashboard", {
    headers: { ...(cookie ? { cookie: `guyub_dashboard=${cookie}` } : {}), ...headers },
  });

/** The session id in a Set-Cookie header. */
export function sessionIn(setCookie: string | null): string {
  const id = /guyub_dashboard=([0-9a-f]{64})/.exec(setCookie ?? "")?.[1];
  if (!id) throw new Error(`no session cookie in ${setCookie}`);
  return id;
}

/** Writes a link row directly (a link as `/copmod dashboard` would have stored it). */
export async function storedLink(communityId: number, userId: string, token: string, expiresAt: Date) {
  await env.DB.prepare(
    "INSERT INTO dashboard_links (token_hash, community_id, user_id, expires_at, used_at, created_at) VALUES (?, ?, ?, ?, NULL, ?)",
  )
    .bind(await secretHash(token), communityId, userId, expiresAt.toISOString(), expiresAt.toISOString())
    .run();
}

/** The headers every dashboard answer carries. */
export function expectDashboardHeaders(
  response: Response,
  expect: (v: unknown) => { toBe(x: unknown): void },
) {
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("content-security-policy")).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
}
