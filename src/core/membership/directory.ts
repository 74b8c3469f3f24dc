/**
 * The member-directory port: how the sync job pages through a Slack workspace's or Discord
 * server's member list. Each adapter implements it (`src/adapters/<platform>/directory.ts`);
 * the job never sees HTTP or platform types.
 */

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
 */
export class DirectoryError extends Error {
  constructor(
    readonly kind: "rate_limited" | "no_access" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "DirectoryError";
  }
}

/** A directory per community platform and workspace; null when that platform is not configured. */
export type DirectoryFor = (platform: "slack" | "discord", workspaceId: string) => MemberDirectory | null;
