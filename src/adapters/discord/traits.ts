import type { PlatformTraits } from "../../core/platform.ts";

/**
 * What Discord can do, as core asks it (`src/core/platform.ts`). A modal holds five components,
 * so longer forms go in steps; `custom_id` takes 100 characters; interaction replies can be
 * ephemeral (flag 64); newcomers are found by reading the member list (no join webhook); Manage
 * Server and a moderator role moderate; `default_member_permissions` hides a command from members,
 * and only a server admin can grant it to a person or role (Server Settings → Integrations).
 * Commands are refused outside a server, so no channel is a private chat with the bot.
 */
export const DISCORD_TRAITS: PlatformTraits = {
  id: "discord",
  forms: "modal",
  maxFormFields: 5,
  maxButtonIdBytes: 100,
  privateReplies: "ephemeral",
  joins: "member-list",
  community: "server",
  platformModerators: "manage-server",
  channelAccess: "permissions",
  directChannelPrefixes: [],
  roles: true,
  commandPermissions: true,
};
