import type { PlatformTraits } from "../../core/platform.ts";

/**
 * What Telegram can do, as core asks it (`src/core/platform.ts`). No dialogs: forms are asked as a
 * private conversation. `callback_data` takes 64 bytes. Nothing is "only you can see this" in a
 * group, so private replies go to the member's chat with the bot. Joins arrive as updates
 * (`chat_member`, `new_chat_members`); the group's administrators moderate. A private chat with the
 * bot has the member's own (positive) id, a group a negative one: no channel id is a DM prefix,
 * because a private chat is told by the update's `chat.type`, not by its id.
 */
export const TELEGRAM_TRAITS: PlatformTraits = {
  id: "telegram",
  forms: "conversation",
  maxFormFields: 1,
  maxButtonIdBytes: 64,
  privateReplies: "direct-message",
  joins: "events",
  community: "group",
  platformModerators: "group-admins",
  channelAccess: "invite",
  directChannelPrefixes: [],
  roles: false,
  commandPermissions: false,
};
