import type { Community, Member } from "../core/model.ts";
import type { CommunityRow, MemberRow } from "./schema.ts";

export function communityFromRow(row: CommunityRow): Community {
  return {
    id: row.id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    name: row.name,
    locale: row.locale,
    timezone: row.timezone,
    moderatorRoleId: row.moderator_role_id,
  };
}

export function memberFromRow(row: MemberRow): Member {
  return {
    id: row.id,
    communityId: row.community_id,
    platformUserId: row.platform_user_id,
    displayName: row.display_name,
    isModerator: row.is_moderator === 1,
    status: row.status,
    platformAdmin: row.platform_admin === null ? null : row.platform_admin === 1,
    platformAdminCheckedAt: row.platform_admin_checked_at ? new Date(row.platform_admin_checked_at) : null,
    lastActiveOn: row.last_active_on,
  };
}
