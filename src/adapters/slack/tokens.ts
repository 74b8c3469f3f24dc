import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { findInstallation, type InstallationRow } from "../../db/installations.ts";
import { bindingOf, DecryptError, decrypt, encrypt } from "../../secrets/envelope.ts";
import { type KeySecrets, keyRing } from "../../secrets/key-ring.ts";
import { refreshToken } from "./oauth-access.ts";

/** A rotating token is refreshed this long before it expires (Slack's live 12 hours). */
export const REFRESH_AHEAD_MS = 30 * 60_000;
/** A refresher's claim lapses after this (a crashed refresher does not block the next one). */
const REFRESH_CLAIM_MS = 60_000;

export interface SlackTokenSecrets extends KeySecrets {
  readonly SLACK_BOT_TOKEN?: string;
  readonly SLACK_CLIENT_ID?: string;
  readonly SLACK_CLIENT_SECRET?: string;
}

export interface SlackTokenConfig {
  readonly db: Db;
  readonly secrets: SlackTokenSecrets;
  readonly apiUrl: string;
  readonly now: () => Date;
}

/** The bot token for a workspace, or null when guyub may not act there. */
export type SlackTokenFor = (workspaceId: string) => Promise<string | null>;

/**
 * Every Slack call uses the token of the workspace it serves. A workspace installed through OAuth
 * has its own row (its token sealed at rest); an uninstalled one has none to give. A workspace
 * without a row is served by `SLACK_BOT_TOKEN` (single-workspace mode: that token is its own
 * team's installation). A token that does not decrypt, or a missing key, is a log line and null:
 * that workspace waits, the rest of guyub carries on.
 */
export function slackTokens(config: SlackTokenConfig): SlackTokenFor {
  return async (workspaceId) => {
    const row = await findInstallation(config.db, workspaceId);
    if (!row) return config.secrets.SLACK_BOT_TOKEN ?? null;
    if (row.status !== "active" || !row.bot_token) return null;
    try {
      const ring = await keyRing(config.secrets);
      const token = await decrypt(ring, row.bot_token, bindingOf("slack", workspaceId, "bot_token"));
      const expiresAt = row.token_expires_at ? Date.parse(row.token_expires_at) : null;
      if (expiresAt === null || !row.refresh_token) return token;
      if (expiresAt - config.now().getTime() > REFRESH_AHEAD_MS) return token;
      return (await refreshed(config, row)) ?? token;
    } catch (error) {
      console.error("slack token unavailable; this workspace waits", {
        workspaceId,
        error: error instanceof DecryptError ? `${error.kind}: ${error.message}` : String(error),
      });
      return null;
    }
  };
}

/**
 * Refreshes a rotating token, one refresher at a time: the claim (`refreshing_until`) is taken
 * only while the row still has the version read, and the new tokens are stored only if it still
 * has it. Whoever loses the claim keeps using the current token, which is still valid.
 */
async function refreshed(config: SlackTokenConfig, row: InstallationRow): Promise<string | null> {
  const { db } = config;
  const now = config.now();
  const claimed = await db
    .updateTable("installations")
    .set({ refreshing_until: new Date(now.getTime() + REFRESH_CLAIM_MS).toISOString() })
    .where("id", "=", row.id)
    .where("token_version", "=", row.token_version)
    .where((eb) =>
      eb.or([eb("refreshing_until", "is", null), eb("refreshing_until", "<=", now.toISOString())]),
    )
    .returning("id")
    .executeTakeFirst();
  if (!claimed) return null;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret } = config.secrets;
  const release = () =>
    db.updateTable("installations").set({ refreshing_until: null }).where("id", "=", row.id).execute();
  if (!clientId || !clientSecret || !row.refresh_token) {
    await release();
    return null;
  }
  const ring = await keyRing(config.secrets);
  const binding = (field: string) => bindingOf("slack", row.workspace_id, field);
  try {
    const current = await decrypt(ring, row.refresh_token, binding("refresh_token"));
    const grant = await refreshToken({ apiUrl: config.apiUrl, clientId, clientSecret }, current);
    const stored = await db
      .updateTable("installations")
      .set({
        bot_token: await encrypt(ring, grant.access_token, binding("bot_token")),
        refresh_token: await encrypt(ring, grant.refresh_token ?? current, binding("refresh_token")),
        token_expires_at: grant.expires_in
          ? new Date(now.getTime() + grant.expires_in * 1000).toISOString()
          : null,
        token_version: sql`token_version + 1`,
        refreshing_until: null,
        updated_at: now.toISOString(),
      })
      .where("id", "=", row.id)
      .where("token_version", "=", row.token_version)
      .returning("id")
      .executeTakeFirst();
    return stored ? grant.access_token : null;
  } catch (error) {
    console.error("slack token refresh failed; the current token is used until it expires", {
      workspaceId: row.workspace_id,
      error: String(error),
    });
    await release();
    return null;
  }
}

/**
 * The request path's tokens, kept per isolate for `ttlMs` (each command would otherwise cost a
 * D1 read before Bolt can answer). Sending never uses this: delivery asks afresh per batch, so an
 * uninstall stops it at once; `forget` drops a workspace this isolate learnt was uninstalled.
 */
export function cachedTokens(
  tokenFor: SlackTokenFor,
  ttlMs: number,
  clock: () => number,
): SlackTokenFor & { forget(workspaceId: string): void } {
  const cache = new Map<string, { token: Promise<string | null>; until: number }>();
  const cached = (async (workspaceId: string) => {
    const hit = cache.get(workspaceId);
    if (hit && hit.until > clock()) return hit.token;
    const token = tokenFor(workspaceId);
    cache.set(workspaceId, { token, until: clock() + ttlMs });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    const value = await token;
    if (value === null) cache.delete(workspaceId);
    return value;
  }) as SlackTokenFor & { forget(workspaceId: string): void };
  cached.forget = (workspaceId) => cache.delete(workspaceId);
  return cached;
}
