/**
 * The stand-ins' configuration and their default rate-limit table. Web-standard only, like state.ts.
 * Numbers follow the platforms' published limits (docs/platform-facts.md); where a platform
 * publishes none (Discord's per-route buckets, revealed only in headers) they are plausible values.
 */

export type Platform = "slack" | "discord" | "telegram";

/** At most `limit` calls within any `windowMs` milliseconds. A limit of 0 disables the entry. */
export interface LimitSpec {
  limit: number;
  windowMs: number;
}

export interface StandinConfig {
  /** Bot tokens the Slack stand-in accepts (several, as an OAuth install adds workspaces). */
  slackTokens: string[];
  /** The Slack app's client id and secret `oauth.v2.access` checks (SLACK_CLIENT_ID/SECRET). */
  slackClientId: string;
  slackClientSecret: string;
  /** The app opted in to token rotation: installs get a refresh token and 12-hour access tokens. */
  slackTokenRotation: boolean;
  discordBotToken: string;
  /** The token the Telegram stand-in accepts in `/bot<token>/<method>`, and its bot's username. */
  telegramBotToken: string;
  telegramBotUsername: string;
  /** The bot's application id, which is also its user id. */
  discordApplicationId: string;
  /** The guild a Discord channel belongs to unless a test set it up otherwise. */
  discordGuildId: string;
  /**
   * Platform time runs this many times faster than real time: every limit window is divided by
   * it, and so are the Retry-After values the stand-ins report (they stay real seconds). Lets
   * pacing tests run a minute of Slack limits in six seconds at 10. Default 1.
   */
  timeScale: number;
  /** Per Slack method (see {@link LIMIT_SCOPES} for what each counts per). */
  slackLimits: Record<string, LimitSpec>;
  /** Per Discord bucket; each bucket counts per its major parameter (channel, guild, …). */
  discordLimits: Record<string, LimitSpec>;
  /** Members `users.list` returns: the seeded ones first, then generated `U0M00001`… */
  slackUserCount: number;
  /** Members `GET /guilds/:id/members` returns, the bot included. */
  discordMemberCount: number;
  /**
   * The generated humans' usernames, in id order (the demo's roster). Unset: a built-in list of
   * eight names, repeated with a number, and every third member with a server nickname.
   */
  discordMemberNames?: string[];
  /**
   * Members listed besides the generated ones, by id and username: `npm start` lists the
   * signing CLI's two Discord users, so the member sync (which the local cron now runs) finds
   * them in the server instead of recording them as gone.
   */
  discordExtraMembers?: { id: string; username: string }[];
}

const perMinute = (limit: number): LimitSpec => ({ limit, windowMs: 60_000 });

/** Slack's tiers, per method per token (workspace): Tier 2 20/min, Tier 3 50/min, Tier 4 100/min. */
export const DEFAULT_SLACK_LIMITS: Record<string, LimitSpec> = {
  "auth.test": perMinute(100),
  "users.info": perMinute(100), // Tier 4
  "users.list": perMinute(20), // Tier 2
  "chat.postEphemeral": perMinute(100), // Tier 4
  // "About one message per second per channel", with a short burst allowed…
  "chat.postMessage": { limit: 5, windowMs: 5_000 },
  // …and a workspace-wide cap across all channels. Slack documents the cap but not its number;
  // 30 a second is a guess at "several hundred a minute" with room for 20 busy channels.
  "chat.postMessage:workspace": { limit: 30, windowMs: 1_000 },
  "chat.update": perMinute(50), // Tier 3
  "conversations.open": perMinute(50), // Tier 3
  "conversations.history": perMinute(50), // Tier 3
  "conversations.members": perMinute(100), // Tier 4
  "conversations.info": perMinute(50), // Tier 3
  "views.open": perMinute(100), // Tier 4
};

/** Discord: 50 requests a second per bot, then per-route buckets keyed by their major parameter. */
export const DEFAULT_DISCORD_LIMITS: Record<string, LimitSpec> = {
  global: { limit: 50, windowMs: 1_000 },
  messages: { limit: 5, windowMs: 5_000 },
  history: { limit: 10, windowMs: 5_000 },
  dm: { limit: 10, windowMs: 10_000 },
  members: { limit: 10, windowMs: 10_000 },
  commands: { limit: 10, windowMs: 20_000 },
  webhooks: { limit: 5, windowMs: 2_000 },
  channel: { limit: 10, windowMs: 10_000 },
  member: { limit: 10, windowMs: 10_000 },
  roles: { limit: 10, windowMs: 10_000 },
  guild: { limit: 10, windowMs: 10_000 },
};

/**
 * Telegram's limits for sending (core.telegram.org/bots/faq): about 30 messages a second in all,
 * 20 a minute in one group, one a second in one chat.
 */
export const TELEGRAM_LIMITS: Record<"global" | "group" | "chat", LimitSpec> = {
  global: { limit: 30, windowMs: 1_000 },
  group: { limit: 20, windowMs: 60_000 },
  // "Avoid more than one message a second in a chat; short bursts may pass": 5 in 5 s.
  chat: { limit: 5, windowMs: 5_000 },
};

/** What each limit counts per, for `GET /__limits` readers; unlisted Slack methods count per token. */
export const LIMIT_SCOPES: Record<Platform, Record<string, string>> = {
  slack: {
    "chat.postMessage": "token+channel",
    "chat.postMessage:workspace": "token",
  },
  discord: {
    global: "bot",
    messages: "channel (POST and PATCH of its messages)",
    history: "channel (GET messages)",
    dm: "bot (POST /users/@me/channels)",
    members: "guild",
    commands: "application",
    webhooks: "interaction token",
    channel: "channel (GET /channels/{id})",
    member: "guild (GET one member)",
    roles: "guild (GET roles)",
    guild: "guild (GET the guild)",
  },
  telegram: {
    global: "bot (every message sent or edited)",
    group: "group chat",
    chat: "chat",
  },
};

/** The seeded Slack directory (slack-data.ts SEEDED_USERS) has five users. */
const SLACK_SEEDED = 5;

/** A complete config: defaults under the given values. Limit tables merge per key. */
export function makeConfig(config: Partial<StandinConfig> = {}): StandinConfig {
  return {
    slackTokens: config.slackTokens ?? ["xoxb-test-token"],
    slackClientId: config.slackClientId ?? "test-client-id",
    slackClientSecret: config.slackClientSecret ?? "test-client-secret",
    slackTokenRotation: config.slackTokenRotation ?? false,
    discordBotToken: config.discordBotToken ?? "test-discord-bot-token",
    discordApplicationId: config.discordApplicationId ?? "100000000000000001",
    telegramBotToken: config.telegramBotToken ?? "123456:test-telegram-token",
    telegramBotUsername: config.telegramBotUsername ?? "guyub_bot",
    discordGuildId: config.discordGuildId ?? "200000000000000001",
    timeScale: config.timeScale ?? 1,
    slackLimits: { ...DEFAULT_SLACK_LIMITS, ...config.slackLimits },
    discordLimits: { ...DEFAULT_DISCORD_LIMITS, ...config.discordLimits },
    slackUserCount: config.slackUserCount ?? SLACK_SEEDED,
    discordMemberCount: config.discordMemberCount ?? 5,
    ...(config.discordMemberNames ? { discordMemberNames: [...config.discordMemberNames] } : {}),
    ...(config.discordExtraMembers ? { discordExtraMembers: [...config.discordExtraMembers] } : {}),
  };
}

export interface ScopedLimit extends LimitSpec {
  per: string;
}

/** `GET /__limits`: the limits as they apply now, in real milliseconds. */
export interface LimitTable {
  timeScale: number;
  slack: Record<string, ScopedLimit>;
  discord: Record<string, ScopedLimit>;
}

/** The limits as they apply now: windows divided by the time scale, each with what it counts per. */
export function effectiveLimits(config: StandinConfig): LimitTable {
  const scale = (table: Record<string, LimitSpec>, platform: Platform) =>
    Object.fromEntries(
      Object.entries(table).map(([name, spec]) => [
        name,
        {
          limit: spec.limit,
          windowMs: spec.windowMs / config.timeScale,
          per: LIMIT_SCOPES[platform][name] ?? "token",
        },
      ]),
    );
  return {
    timeScale: config.timeScale,
    slack: scale(config.slackLimits, "slack"),
    discord: scale(config.discordLimits, "discord"),
  };
}
