/**
 * Access marks set through the control routes: users whose DMs cannot be delivered
 * (`POST /__undeliverable`) and channels, guilds or tokens the bot lost (`POST /__lost`, undone
 * by `POST /__found`). Each
 * platform route asks here before doing its work, and answers the way the platform would.
 */
import type { Platform } from "./config.ts";
import type { Reply } from "./discord-http.ts";
import type { StandinState } from "./state.ts";

/** A recipient whose DMs are closed from the start: posting into its DM channel fails with 50007. */
export const DISCORD_DMS_CLOSED_USER = "100000000000000403";

export const SLACK_DM_ERRORS = [
  "user_not_found",
  "user_disabled",
  "user_not_visible",
  "cannot_dm_bot",
] as const;
export const SLACK_CHANNEL_LOSSES = ["channel_not_found", "not_in_channel", "is_archived"] as const;
export const SLACK_TOKEN_LOSSES = ["token_revoked", "invalid_auth", "account_inactive"] as const;
export const DISCORD_CHANNEL_LOSSES = ["missing_access", "unknown_channel"] as const;
export const DISCORD_GUILD_LOSSES = ["missing_access", "unknown_guild"] as const;

export type LostTarget = "channel" | "guild" | "token";

export function markUndeliverable(state: StandinState, platform: Platform, userId: string, error: string) {
  state.undeliverable.set(`${platform}:${userId}`, error);
}

export function markLost(
  state: StandinState,
  platform: Platform,
  target: LostTarget,
  id: string,
  kind: string,
) {
  state.lost.set(`${platform}:${target}:${id}`, kind);
}

/** Access is back (the bot was invited again, the app reinstalled): the mark goes. */
export function markFound(state: StandinState, platform: Platform, target: LostTarget, id: string) {
  state.lost.delete(`${platform}:${target}:${id}`);
}

const lostKind = (state: StandinState, platform: Platform, target: LostTarget, id: string) =>
  state.lost.get(`${platform}:${target}:${id}`);

/** Slack: the error a DM to this user fails with, if it was marked undeliverable. */
export function slackDmError(state: StandinState, userId: string): string | undefined {
  return state.undeliverable.get(`slack:${userId}`);
}

/** Slack: `token_revoked` (or the marked kind) for a revoked token, on every method. */
export function slackTokenError(state: StandinState, token: string): string | undefined {
  return lostKind(state, "slack", "token", token);
}

/** Slack: `channel_not_found` (or the marked kind) for a channel the bot lost. */
export function slackChannelError(state: StandinState, channel: string): string | undefined {
  return channel ? lostKind(state, "slack", "channel", channel) : undefined;
}

/** Discord: true when the bot token was revoked (every bot route then answers 401). */
export function discordTokenRevoked(state: StandinState, token: string): boolean {
  return lostKind(state, "discord", "token", token) !== undefined;
}

/** Discord: 403 50001, or 404 10003 when marked `unknown_channel`, for a channel the bot lost. */
export function discordChannelDenied(state: StandinState, channelId: string): Reply | undefined {
  const kind = lostKind(state, "discord", "channel", channelId);
  if (kind === undefined) return undefined;
  return kind === "unknown_channel"
    ? [404, { message: "Unknown Channel", code: 10003 }]
    : [403, { message: "Missing Access", code: 50001 }];
}

/** Discord: 403 50001, or 404 10004 when marked `unknown_guild`, for a guild the bot lost. */
export function discordGuildDenied(state: StandinState, guildId: string): Reply | undefined {
  const kind = lostKind(state, "discord", "guild", guildId);
  if (kind === undefined) return undefined;
  return kind === "unknown_guild"
    ? [404, { message: "Unknown Guild", code: 10004 }]
    : [403, { message: "Missing Access", code: 50001 }];
}

/** Discord: 403 50007 when the channel is the DM channel of a user who cannot be messaged. */
export function discordDmDenied(state: StandinState, channelId: string): Reply | undefined {
  for (const [recipient, dm] of state.dmChannels) {
    if (dm !== channelId) continue;
    if (recipient === DISCORD_DMS_CLOSED_USER || state.undeliverable.has(`discord:${recipient}`))
      return [403, { message: "Cannot send messages to this user", code: 50007 }];
  }
  return undefined;
}
