/**
 * Where a command was typed and who is who there, as the platform tells: the channel (Slack
 * `channel_id`, Discord `channel_id`) and whether a user is a bot (Slack `users.info` `is_bot`,
 * Discord the interaction's resolved users). Adapters hand it to core with the command.
 */
export interface CommandPlace {
  /** The channel the command was used in; null when the platform did not say. */
  readonly channelId: string | null;
  /** Whether a user is a bot; null when the platform cannot tell just now. */
  isBot(userId: string): Promise<boolean | null>;
}
