/**
 * The channel-history port: how the Discord activity job reads who wrote in a channel since a
 * message id, without a Gateway connection. Authors and times only; content is never kept.
 */

/** One human message as the job needs it. */
export interface SeenMessage {
  readonly id: string;
  readonly authorId: string;
  readonly at: Date;
}

export interface HistoryPage {
  /** Messages by people (bots, webhooks and system messages left out). */
  readonly messages: readonly SeenMessage[];
  /** The newest message id of the page, people's or not: the next read starts after it. Null: none. */
  readonly newest: string | null;
  /** The page was full: there may be more after `newest`. */
  readonly more: boolean;
}

/**
 * Why guyub cannot read a channel's messages. `cannot_view`: it cannot see the channel;
 * `cannot_read_history`: it sees the channel but may not read its history, where Discord answers
 * a read with an empty list instead of an error; `no_access`: refused otherwise (the bot left the
 * server, the token was revoked); `messages_hidden`: guyub is in the place but the platform shows it
 * only the messages addressed to it (Telegram's privacy mode until the bot is an administrator), so
 * members' other messages never reach it.
 */
export type ReadProblem = "cannot_view" | "cannot_read_history" | "no_access" | "messages_hidden";

/** guyub's own right to read a channel. `gone`: the channel no longer exists. */
export type ReadAccess =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: ReadProblem | "gone" };

/** A channel whose messages count as activity but which guyub could not read at its last try. */
export interface UnreadChannel {
  readonly channelId: string;
  readonly problem: ReadProblem;
}

export interface ChannelHistory {
  /** Messages after `after` (a message id), oldest first, one page. Throws `DirectoryError`. */
  page(channelId: string, after: string): Promise<HistoryPage>;
  /**
   * Whether guyub may read the channel, from its own permissions there; null when the platform
   * could not be asked. An empty page is believed only after this said yes.
   */
  access(channelId: string): Promise<ReadAccess | null>;
}

/** The channel history of a Discord server, or null where guyub has no bot token. */
export type ChannelHistoryFor = (workspaceId: string) => ChannelHistory | null;

const DISCORD_EPOCH = 1_420_070_400_000n;

/** A snowflake's moment (Discord ids carry their creation time). */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** The smallest snowflake at `at`: "after" it means "created after this moment". */
export function snowflakeAt(at: Date): string {
  return ((BigInt(at.getTime()) - DISCORD_EPOCH) << 22n).toString();
}
