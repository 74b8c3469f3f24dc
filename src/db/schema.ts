import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** Table types for Kysely, mirroring `migrations/`. snake_case as in SQL. */
export interface CommunitiesTable {
  id: Generated<number>;
  platform: "slack" | "discord";
  workspace_id: string;
  name: string | null;
  locale: "en" | "id";
  timezone: Generated<string>;
  main_channel_id: string | null;
  moderator_role_id: string | null;
  settings: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  community_id: number;
  platform_user_id: string;
  display_name: string | null;
  status: Generated<"active" | "paused" | "alumni">;
  is_moderator: Generated<number>;
  platform_admin: number | null;
  platform_admin_checked_at: string | null;
  joined_at: string;
  left_at: string | null;
  last_active_on: string | null;
  nudges_opt_out: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  community_id: number;
  actor_member_id: number | null;
  action: string;
  detail: string;
  created_at: string;
}

export interface Database {
  communities: CommunitiesTable;
  members: MembersTable;
  audit_log: AuditLogTable;
}

export type CommunityRow = Selectable<CommunitiesTable>;
export type NewCommunityRow = Insertable<CommunitiesTable>;
export type CommunityUpdate = Updateable<CommunitiesTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMemberRow = Insertable<MembersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
