/**
 * What a chat platform can do, declared by its adapter as plain data
 * (`src/adapters/<platform>/traits.ts`). Core asks these questions instead of comparing platform
 * ids, so a third platform (Telegram, email) is one more declaration, not a search through core
 * for every place that assumed Slack or Discord. `test/platform-neutral-core.test.ts` refuses a
 * platform's name as a string in core.
 */

/**
 * The chat platforms guyub speaks to, as each adapter names itself (`traits.id`). Opaque to core:
 * it is stored with a community and compared for equality, never against a name.
 */
export type PlatformId = string & {};

export interface PlatformTraits {
  /** The adapter's own id, stored on its communities. */
  readonly id: PlatformId;
  /**
   * How a form is shown: `modal`, a dialog the platform draws (Slack views, Discord modals);
   * `conversation`, questions asked one message at a time in the member's private chat (a platform
   * without dialogs): core's engine, `src/core/conversation/`, asks the same form and submits its
   * answers the way a dialog's are submitted.
   */
  readonly forms: "modal" | "conversation";
  /** The most questions one form shows at once (Discord 5); a longer form is asked in steps. */
  readonly maxFormFields: number;
  /**
   * The longest id a button or form may carry back, in UTF-8 bytes (Slack `action_id` 255,
   * Discord `custom_id` 100, Telegram `callback_data` 64). Core packs every id within
   * `PACKED_MAX_BYTES`, so a platform below that cannot take guyub's buttons (checked in a test).
   */
  readonly maxButtonIdBytes: number;
  /**
   * How only the speaker sees a reply: `ephemeral` in the place they spoke (Slack, Discord), or
   * `direct-message`, a message in their private chat with the bot.
   */
  readonly privateReplies: "ephemeral" | "direct-message";
  /** How guyub learns of newcomers: join `events` (Slack), or reading the `member-list` (Discord). */
  readonly joins: "events" | "member-list";
  /** What the platform calls a community, in guyub's replies: a Slack workspace, a Discord server, a Telegram group. */
  readonly community: "workspace" | "server" | "group";
  /**
   * Who moderates besides guyub's own list, as the platform says: its `admins` and owners (Slack
   * `users.info`), members with the `manage-server` permission (Discord), or the `group-admins`
   * (Telegram `getChatAdministrators`).
   */
  readonly platformModerators: "admins" | "manage-server" | "group-admins";
  /**
   * How guyub gets into a channel: a member `invite`s it (Slack: a private channel it is not in
   * looks like no channel at all), or the channel's `permissions` allow its role (Discord).
   */
  readonly channelAccess: "invite" | "permissions";
  /** Channel ids starting with one of these are a private chat with the bot (Slack `D…`); no place to post. */
  readonly directChannelPrefixes: readonly string[];
  /** Platform roles can be moderators (`moderators role`, Discord). */
  readonly roles: boolean;
  /**
   * A command can be hidden from members by a permission (Discord `default_member_permissions`);
   * granting it to a person is the server admin's, not guyub's (Discord wants a person's token).
   */
  readonly commandPermissions: boolean;
}

/** The traits that are a yes or no: what a command may require (`requires: "roles"`). */
export type PlatformAbility = {
  [K in keyof PlatformTraits]: PlatformTraits[K] extends boolean ? K : never;
}[keyof PlatformTraits];

/**
 * Whether a form of `fields` questions opens whole here, or in steps of at most `maxFormFields`.
 * A conversation asks one question at a time, so any form fits it whole.
 */
export function fitsOneForm(traits: PlatformTraits, fields: number): boolean {
  return traits.forms === "conversation" || fields <= traits.maxFormFields;
}

/** Whether `channelId` is a private chat with the bot on this platform. */
export function isDirectChannel(traits: PlatformTraits, channelId: string): boolean {
  return traits.directChannelPrefixes.some((prefix) => channelId.startsWith(prefix));
}
