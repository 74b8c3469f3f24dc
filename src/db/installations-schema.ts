import type { Generated } from "kysely";
import type { PlatformId } from "../core/model.ts";

/**
 * A workspace installed through OAuth (migrations/0014_installations.sql): today only Slack's;
 * since 0017 the column takes any platform id, for a platform whose installs carry tokens too.
 */
export interface InstallationsTable {
  id: Generated<number>;
  community_id: number;
  platform: PlatformId;
  workspace_id: string;
  enterprise_id: string | null;
  app_id: string | null;
  bot_user_id: string | null;
  scopes: string;
  installer_user_id: string | null;
  installed_at: string;
  /** An envelope (src/secrets/envelope.ts); null once uninstalled or revoked. */
  bot_token: string | null;
  refresh_token: string | null;
  token_expires_at: string | null;
  token_version: Generated<number>;
  refreshing_until: string | null;
  status: Generated<"active" | "inactive">;
  updated_at: string;
}

/** An install in progress: the SHA-256 of its single-use `state`, for 10 minutes. */
export interface OauthStatesTable {
  state_hash: string;
  created_at: string;
  expires_at: string;
}
