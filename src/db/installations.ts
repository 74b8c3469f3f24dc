import { type CompiledQuery, type Selectable, sql } from "kysely";
import type { Db } from "./client.ts";
import { runBatch } from "./client.ts";
import type { InstallationsTable } from "./installations-schema.ts";

/** An install's `state` lives this long (Slack's authorize page is a few clicks). */
export const STATE_TTL_MS = 10 * 60_000;

/** Keeps the SHA-256 of a new `state` for 10 minutes. */
export async function saveState(db: Db, stateHash: string, now: Date): Promise<void> {
  await db
    .insertInto("oauth_states")
    .values({
      state_hash: stateHash,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + STATE_TTL_MS).toISOString(),
    })
    .execute();
}

/**
 * Consumes a `state` in one statement (DELETE … RETURNING): of two callbacks racing with the same
 * state only one gets the row. An expired state is consumed too, and reported as such.
 */
export async function consumeState(
  db: Db,
  stateHash: string,
  now: Date,
): Promise<"ok" | "unknown" | "expired"> {
  const row = await db
    .deleteFrom("oauth_states")
    .where("state_hash", "=", stateHash)
    .returning("expires_at")
    .executeTakeFirst();
  if (!row) return "unknown";
  return new Date(row.expires_at) > now ? "ok" : "expired";
}

/** What `oauth.v2.access` granted, with the tokens already sealed. */
export interface NewInstallation {
  readonly workspaceId: string;
  readonly workspaceName: string | null;
  readonly enterpriseId: string | null;
  readonly appId: string | null;
  readonly botUserId: string | null;
  readonly scopes: string;
  readonly installerUserId: string | null;
  readonly botToken: string;
  readonly refreshToken: string | null;
  readonly tokenExpiresAt: string | null;
}

/**
 * The one platform installed through OAuth (`oauth.v2.access`): these rows hold Slack's tokens.
 * Discord and the others install by invite or bot token and keep no installation row.
 */
const OAUTH_PLATFORM = "slack";

const communityOf = (workspaceId: string) =>
  sql<number>`(select id from communities where platform = ${OAUTH_PLATFORM} and workspace_id = ${workspaceId})`;

/**
 * Stores an install in one batch: the community (created, or active again after an uninstall),
 * the installation row (a reinstall replaces its token and bumps the version), and the end of an
 * uninstall's workspace-wide block, whose waiting messages come back (their ids are returned).
 */
export async function saveInstallation(
  db: Db,
  d1: D1Database,
  install: NewInstallation,
  now: Date,
): Promise<number[]> {
  const at = now.toISOString();
  const queries: CompiledQuery[] = [
    db
      .insertInto("communities")
      .values({
        platform: OAUTH_PLATFORM,
        workspace_id: install.workspaceId,
        name: install.workspaceName,
        locale: "en",
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(["platform", "workspace_id"])
          .doUpdateSet({ deactivated_at: null, deactivated_reason: null, erase_after: null, updated_at: at }),
      )
      .compile(),
    db
      .insertInto("installations")
      .values({
        community_id: communityOf(install.workspaceId),
        platform: OAUTH_PLATFORM,
        workspace_id: install.workspaceId,
        enterprise_id: install.enterpriseId,
        app_id: install.appId,
        bot_user_id: install.botUserId,
        scopes: install.scopes,
        installer_user_id: install.installerUserId,
        installed_at: at,
        bot_token: install.botToken,
        refresh_token: install.refreshToken,
        token_expires_at: install.tokenExpiresAt,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(["platform", "workspace_id"]).doUpdateSet({
          community_id: sql`excluded.community_id`,
          enterprise_id: sql`excluded.enterprise_id`,
          app_id: sql`excluded.app_id`,
          bot_user_id: sql`excluded.bot_user_id`,
          scopes: sql`excluded.scopes`,
          installer_user_id: sql`excluded.installer_user_id`,
          installed_at: sql`excluded.installed_at`,
          bot_token: sql`excluded.bot_token`,
          refresh_token: sql`excluded.refresh_token`,
          token_expires_at: sql`excluded.token_expires_at`,
          token_version: sql`installations.token_version + 1`,
          refreshing_until: null,
          status: "active",
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .compile(),
    db
      .deleteFrom("delivery_blocks")
      .where("community_id", "=", communityOf(install.workspaceId))
      .where("scope", "=", "*")
      .where("cause", "=", "uninstalled")
      .compile(),
    db
      .updateTable("outbox")
      .set({ held_by: null, next_try_at: at })
      .where("community_id", "=", communityOf(install.workspaceId))
      .where("status", "=", "pending")
      .where("held_by", "=", "*")
      .returning("id")
      .compile(),
  ];
  const results = await runBatch(d1, queries);
  return ((results[3]?.results ?? []) as { id: number }[]).map((row) => row.id);
}

export type InstallationRow = Pick<
  Selectable<InstallationsTable>,
  | "id"
  | "workspace_id"
  | "bot_token"
  | "refresh_token"
  | "token_expires_at"
  | "refreshing_until"
  | "status"
  | "token_version"
>;

/** The installation of a Slack workspace, or undefined when it was never installed through OAuth. */
export async function findInstallation(db: Db, workspaceId: string): Promise<InstallationRow | undefined> {
  return db
    .selectFrom("installations")
    .select([
      "id",
      "workspace_id",
      "bot_token",
      "refresh_token",
      "token_expires_at",
      "refreshing_until",
      "status",
      "token_version",
    ])
    .where("platform", "=", OAUTH_PLATFORM)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

/** The app is gone from the workspace: its tokens are forgotten at once (nothing can use them). */
export async function revokeInstallation(db: Db, workspaceId: string, now: Date): Promise<void> {
  await db
    .updateTable("installations")
    .set({
      status: "inactive",
      bot_token: null,
      refresh_token: null,
      token_expires_at: null,
      refreshing_until: null,
      token_version: sql`token_version + 1`,
      updated_at: now.toISOString(),
    })
    .where("platform", "=", OAUTH_PLATFORM)
    .where("workspace_id", "=", workspaceId)
    .execute();
}
