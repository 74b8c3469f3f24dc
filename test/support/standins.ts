/**
 * Typed helpers for the stand-ins' control routes, for tests running inside workerd (they reach
 * the Node-side stand-ins over HTTP at `standinsBase()`). `resetStandins()` and `sentTo()`
 * live in worker.ts. Everything set here lasts until the next reset, and test files share one
 * stand-in process: prefer ids no other test uses.
 */
import type {
  DISCORD_CHANNEL_LOSSES,
  DISCORD_GUILD_LOSSES,
  SLACK_CHANNEL_LOSSES,
  SLACK_DM_ERRORS,
  SLACK_TOKEN_LOSSES,
} from "../../scripts/standins/access.ts";
import type { LimitSpec, LimitTable, Platform, StandinConfig } from "../../scripts/standins/config.ts";
import type { Fault } from "../../scripts/standins/faults.ts";
import type { StatsSnapshot } from "../../scripts/standins/stats.ts";
import { standinsBase } from "./standins-url.ts";

export type { LimitTable, StatsSnapshot };

/** What `POST /__config` changes at runtime; limit tables merge per key. */
export interface StandinSettings {
  /** Platform time runs this many times faster: windows and Retry-After shrink by it. */
  timeScale?: number;
  slackLimits?: Record<string, LimitSpec>;
  discordLimits?: Record<string, LimitSpec>;
  slackUserCount?: number;
  discordMemberCount?: number;
}

/** A fault to inject; `count` defaults to 1. See scripts/standins/faults.ts for each field. */
export type FaultSpec = Omit<Fault, "count"> & { count?: number };

export type SlackDmError = (typeof SLACK_DM_ERRORS)[number];

/** One thing the bot lost access to, and how the platform then answers (`kind`, first is default). */
export type LostSpec =
  | { platform: "slack"; channelId: string; kind?: (typeof SLACK_CHANNEL_LOSSES)[number] }
  | { platform: "slack"; token: string; kind?: (typeof SLACK_TOKEN_LOSSES)[number] }
  | { platform: "discord"; channelId: string; kind?: (typeof DISCORD_CHANNEL_LOSSES)[number] }
  | { platform: "discord"; guildId: string; kind?: (typeof DISCORD_GUILD_LOSSES)[number] }
  | { platform: "discord"; token: string };

type PublicConfig = Omit<StandinConfig, "slackTokens" | "discordBotToken">;

async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${standinsBase()}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`stand-ins ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Merges settings into the live stand-in config; returns the config and the limits now in force. */
export function configureStandins(
  settings: StandinSettings,
): Promise<{ ok: true; config: PublicConfig; limits: LimitTable }> {
  return control("POST", "/__config", settings);
}

/** Makes the next `count` matching calls fail, stall (`delayMs`) or answer 429. */
export async function injectFault(fault: FaultSpec): Promise<void> {
  await control("POST", "/__faults", fault);
}

/** DMs to this user fail: Slack with `error` (default user_not_found), Discord with 403 50007. */
export async function markUndeliverable(
  platform: Platform,
  userId: string,
  error?: SlackDmError,
): Promise<void> {
  await control("POST", "/__undeliverable", { platform, userId, error });
}

/** The bot loses a channel, a guild or its token (see {@link LostSpec}). */
export async function markLost(lost: LostSpec): Promise<void> {
  await control("POST", "/__lost", lost);
}

/** The bot gets a channel, a guild or its token back (invited again, reinstalled). */
export async function markFound(lost: LostSpec): Promise<void> {
  await control("POST", "/__found", lost);
}

/** Accepted calls, 429s and errors per platform since the last reset. */
export function standinStats(): Promise<StatsSnapshot> {
  return control("GET", "/__stats");
}

/** The limit table in force, windows already divided by the time scale. */
export function standinLimits(): Promise<LimitTable> {
  return control("GET", "/__limits");
}

/** The directory describes this user otherwise: nobody in the workspace or server, or a bot. */
/** Slack `users.info` gives this user's `tz` as `zone` (everyone else: Asia/Jakarta). */
export async function setSlackZone(userId: string, zone: string): Promise<void> {
  await control("POST", "/__users/tz", { userId, tz: zone });
}

export async function markUser(
  platform: Platform,
  userId: string,
  kind: "unknown" | "bot" | "member",
): Promise<void> {
  await control("POST", "/__users", { platform, userId, kind });
}

/** A permission overwrite on a Discord channel: `type` 0 a role (the guild id for @everyone), 1 a member. */
export interface OverwriteSpec {
  id: string;
  type: 0 | 1;
  allow?: string;
  deny?: string;
}

/** Discord channels as a test wants them: guild, type (11 a thread, with `parentId`), overwrites. */
export async function discordChannels(
  channels: {
    id: string;
    guildId?: string;
    type?: number;
    parentId?: string;
    overwrites?: OverwriteSpec[];
  }[],
): Promise<void> {
  await control("POST", "/__discord/channels", { channels });
}

/** A Discord guild's roles (the @everyone role's id is the guild's) and the roles the bot holds. */
export async function discordGuild(
  guildId: string,
  roles: { id: string; permissions: string }[],
  botRoles?: string[],
): Promise<void> {
  await control("POST", "/__discord/guilds", { guildId, roles, ...(botRoles ? { botRoles } : {}) });
}

/** A Discord guild as the dashboard's moderator check reads it: roles, its owner, members' roles. */
export async function discordGuildWorld(spec: {
  guildId: string;
  roles: { id: string; permissions: string }[];
  ownerId?: string;
  memberRoles?: Record<string, string[]>;
}): Promise<void> {
  await control("POST", "/__discord/guilds", spec);
}
