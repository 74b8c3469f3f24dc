import type { PlatformTraits } from "../../core/platform.ts";

/**
 * What Slack can do, as core asks it (`src/core/platform.ts`). Modals hold up to 100 blocks, so
 * every form fits one; `action_id` and `callback_id` take 255 characters; replies through
 * `response_url` can be ephemeral; `team_join` and `member_joined_channel` announce newcomers;
 * admins and owners (`users.info`) moderate; a slash command cannot be hidden from members.
 */
export const SLACK_TRAITS: PlatformTraits = {
  id: "slack",
  forms: "modal",
  maxFormFields: 100,
  maxButtonIdBytes: 255,
  privateReplies: "ephemeral",
  joins: "events",
  community: "workspace",
  platformModerators: "admins",
  channelAccess: "invite",
  directChannelPrefixes: ["D"],
  roles: false,
  commandPermissions: false,
};
