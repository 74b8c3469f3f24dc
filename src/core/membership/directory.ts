/**
 * The member-directory port: how the sync job pages through a Slack workspace's or Discord
 * server's member list. Each adapter implements it (`src/adapters/<platform>/directory.ts`);
 * the job never sees HTTP or platform types.
 */

import type { PlatformId } from "../platform.ts";

/** One entry of the platform's member list. */
export interface DirectoryMember {
  readonly userId: string;
  readonly displayName: string | null;
  /** Bots (and Slackbot) are never members and never welcomed. */
  readonly isBot: boolean;
  /** Slack `deleted: true`: deactivated, so gone from the community. */
  readonly deleted: boolean;
  /** When the platform says they joined (Discord `joined_at`); null when it does not say (Slack). */
  readonly joinedAt: string | null;
}

export interface DirectoryPage {
  readonly members: readonly DirectoryMember[];
  /** The cursor of the next page; null after the last page. */
  readonly next: string | null;
}

export interface MemberDirectory {
  /** The wait between two pages that keeps under the platform's limit (Slack Tier 2: 20 a minute). */
  readonly pageIntervalMs: number;
  /** Pages one job run reads at most; the next run carries on from the saved cursor. */
  readonly pagesPerRun: number;
  /** One page; `cursor` null is the first. Throws `DirectoryError`. */
  page(cursor: string | null): Promise<DirectoryPage>;
}

/**
 * Why a page could not be read. `rate_limited`: stop this run, carry on next time.
 * `no_access`: the bot may not list members (Discord's GUILD_MEMBERS intent, Slack's users:read).
 * `failed`: 5xx, network; the job fails and the queue retries it.
 * `gone`: guyub is no longer in the server at all (Discord 10004, or 50001 on the server itself):
 * the community is deactivated as an uninstall does.
 */
export class DirectoryError extends Error {
  constructor(
    readonly kind: "rate_limited" | "no_access" | "failed" | "gone",
    message: string,
  ) {
    super(message);
    this.name = "DirectoryError";
  }
}

/** A directory per community platform and workspace; null when that platform is not configured. */
export type DirectoryFor = (platform: PlatformId, workspaceId: string) => MemberDirectory | null;

/** Who a user id is, as the platform's directory says: a person here, a bot, or nobody here. */
export type UserKind = "person" | "bot" | "unknown";

/**
 * Why guyub could not post in a channel. `not_found`: it does not exist for the bot (gone, or a
 * Slack private channel guyub is not in); `not_member`: Slack, guyub was never invited;
 * `archived`: Slack; `other_server`, `not_text`, `cannot_view`, `cannot_send`,
 * `cannot_send_threads`: Discord, from the bot's own permissions in that channel.
 */
export type ChannelProblem =
  | "not_found"
  | "not_member"
  | "archived"
  | "other_server"
  | "not_text"
  | "cannot_view"
  | "cannot_send"
  | "cannot_send_threads";

export type ChannelAccess = { readonly ok: true } | { readonly ok: false; readonly problem: ChannelProblem };

/**
 * What a command may ask the platform about before it trusts a setting: is this user a person
 * here (Slack `users.info`, Discord's guild member), and can guyub post in this channel (Slack
 * `conversations.info`, Discord the bot's permissions there). Null: the platform could not be
 * asked just now, which is never taken as a yes.
 */
export interface PlatformDirectory {
  user(userId: string): Promise<UserKind | null>;
  channel(channelId: string): Promise<ChannelAccess | null>;
}
