import type { ChannelHistory } from "./core/activity/history.ts";
import type { SendPort } from "./core/delivery.ts";
import type { DirectoryFor, MemberDirectory } from "./core/membership/directory.ts";

/**
 * What the scheduled jobs and delivery use of one platform, built from its adapter by the
 * composition root (`src/compose.ts`) and handed to them. Jobs and delivery never import an
 * adapter: they look a community's platform up here, so a platform guyub is not wired for is
 * "no credentials" (skipped), never another platform's code.
 */
export interface PlatformParts {
  /** The member list of one workspace (the member sync); null where guyub holds no credential. */
  readonly directory: (workspaceId: string, now: () => Date) => MemberDirectory | null;
  /**
   * Who wrote in a workspace's channels (the activity job), for a platform whose messages are
   * read rather than pushed as events; absent otherwise, null without a credential.
   */
  readonly history?: (workspaceId: string) => ChannelHistory | null;
  /** The sender for one workspace; null where guyub may not send there (no token, uninstalled). */
  readonly sender: (workspaceId: string, options: SenderOptions) => Promise<SendPort | null>;
  /**
   * Whether a user moderates the workspace by the platform's own rules, asked now (the dashboard's
   * re-check, outside any command): Slack `users.info` admin or owner; Discord the owner, Manage
   * Server, Administrator or the community's moderator role. Throws when the platform cannot be
   * asked or guyub holds no credential there: the caller then says "cannot tell", never guesses.
   */
  readonly platformModerator: (
    workspaceId: string,
    userId: string,
    moderatorRoleId: string | null,
    now: () => Date,
  ) => Promise<boolean>;
}

export interface SenderOptions {
  /** The clock a token's expiry is judged by. */
  readonly now: () => Date;
  /** Divides the sender's pacing intervals (stand-ins that run faster than real time). */
  readonly paceScale?: number;
}

/** Every platform the deployment is wired for, by its id (`communities.platform`). */
export type Platforms = ReadonlyMap<string, PlatformParts>;

/** Channel history by a community's platform and workspace; null where there is none to read. */
export type HistoryFor = (platform: string, workspaceId: string) => ChannelHistory | null;

/** The member-list port of each platform, at one clock. */
export function directoriesOf(platforms: Platforms, now: () => Date): DirectoryFor {
  return (platform, workspaceId) => platforms.get(platform)?.directory(workspaceId, now) ?? null;
}

/** The channel-history port of each platform that has one. */
export function historiesOf(platforms: Platforms): HistoryFor {
  return (platform, workspaceId) => platforms.get(platform)?.history?.(workspaceId) ?? null;
}
