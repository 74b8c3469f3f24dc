/** How long a `/copmod dashboard` link works: once, within this time. */
export const LINK_TTL_MS = 15 * 60_000;

/**
 * How long the session a redeemed link starts lasts (the cookie's Max-Age and the row's expiry).
 * Short on purpose: the moderator right is asked of the platform when the link is redeemed, and
 * every page view re-reads guyub's own list; an hour bounds what a platform demotion leaves open.
 */
export const SESSION_TTL_MS = 60 * 60_000;

/**
 * A new one-time link for the moderator who asked: only the SHA-256 (hex) of its random token is
 * stored, never the token, which exists only in the private reply.
 */
export interface DashboardLinkEffect {
  readonly type: "dashboard.link";
  readonly tokenHash: string;
  readonly userId: string;
  readonly expiresAt: string;
}

// The dashboard's state joins core's `Effect` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    dashboard: DashboardLinkEffect;
  }
}
