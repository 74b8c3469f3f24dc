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

export interface ChannelHistory {
  /** Messages after `after` (a message id), oldest first, one page. Throws `DirectoryError`. */
  page(channelId: string, after: string): Promise<HistoryPage>;
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
