/**
 * Shared in-memory state of the Slack and Discord stand-ins: configuration, a recorder of accepted
 * calls, sliding rate-limit windows, injected faults and access marks, and the messages sent.
 * Web-standard only, so the stand-ins could run in workerd as well as in Node.
 */
import { type LimitSpec, makeConfig, type Platform, type StandinConfig } from "./config.ts";
import type { ChannelSpec, GuildSpec } from "./discord-world.ts";
import type { Fault } from "./faults.ts";
import type { SlackUpload } from "./slack-files.ts";
import { Stats } from "./stats.ts";
import { TelegramWorld } from "./telegram-world.ts";

export type { LimitSpec, Platform, StandinConfig } from "./config.ts";
export { DEFAULT_DISCORD_LIMITS, DEFAULT_SLACK_LIMITS } from "./config.ts";
export type { Fault } from "./faults.ts";

export interface RecordedCall {
  platform: Platform;
  /** Slack: the Web API method (or `response_url`); Discord: the HTTP method. */
  method: string;
  /** The path below the platform prefix, e.g. `/api/chat.postMessage` or `/channels/1/messages`. */
  route: string;
  body: unknown;
  /** What the stand-in answered, so tests can correlate a `ts` or message id. */
  response: unknown;
  at: string;
}

export interface RateResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Real milliseconds until the next slot frees up (0 when allowed and slots remain). */
  retryAfterMs: number;
}

/** A Slack message the bot posted, kept so chat.update and conversations.history can find it. */
export interface SlackMessage {
  channel: string;
  ts: string;
  /** The token that posted it: another token (another workspace's bot) cannot update it. */
  token: string;
  message: Record<string, unknown>;
}

const MAX_RECORDED = 10_000;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Keeps a map bounded like the recorder, dropping the oldest entries first. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= MAX_RECORDED) break;
    map.delete(oldest);
  }
}

/** What the Slack authorize page and `oauth.v2.access` remember (slack-oauth.ts). */
export class SlackOauthState {
  /** code → who may exchange it, for which workspace, until when (10 minutes, single-use). */
  codes = new Map<
    string,
    { redirectUri: string; teamId: string; teamName: string; userId: string; expiresAt: number }
  >();
  /** refresh token → its workspace; single-use, as a refresh hands out the next one. */
  refreshTokens = new Map<string, string>();
  /** workspaces installed so far, in order: a new one gets the next id. */
  teams: string[] = [];
  seq = 0;

  reset(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.teams = [];
    this.seq = 0;
  }
}

/** Mutable state shared by both stand-ins; `reset()` restores a fresh start and the first config. */
export class StandinState {
  /** The live config: `POST /__config` merges into it. Read it afresh, never keep a copy. */
  config: StandinConfig;
  /** Prints one line per message accepted, for `npm start`; tests leave it unset. */
  transcript?: (line: string) => void;
  readonly stats = new Stats();
  calls: RecordedCall[] = [];
  faults: Fault[] = [];
  /** `platform:userId` → the error DMs to that user fail with (`POST /__undeliverable`). */
  undeliverable = new Map<string, string>();
  /** `platform:channel|guild|token:id` → how access was lost (`POST /__lost`). */
  lost = new Map<string, string>();
  /** Slack `channel ts` → the message the bot posted there. */
  slackMessages = new Map<string, SlackMessage>();
  /** Discord message id → the message (its `channel_id` inside). */
  discordMessages = new Map<string, Record<string, unknown>>();
  /** response_url id → uses so far. */
  responseUrlUses = new Map<string, number>();
  /** Discord command scope (`global` or `guild:<id>`) → last registered set. */
  discordCommands = new Map<string, unknown[]>();
  /** Discord recipient id → DM channel id, stable until reset. */
  dmChannels = new Map<string, string>();
  /** Discord `channel:nonce` → the message first created with it and when (enforce_nonce). */
  nonces = new Map<string, { message: Record<string, unknown>; at: number }>();
  /** Discord interaction token → the id of its original response message. */
  interactionOriginals = new Map<string, string>();
  /** Slack file id → an external upload (slack-files.ts), from its URL to its completion. */
  slackUploads = new Map<string, SlackUpload>();
  /** Slack trigger_id → the view opened with it: a trigger is exchanged once. */
  exchangedTriggers = new Map<string, string>();
  /** `platform:userId` → what the directory says of that user instead (`POST /__users`). */
  userMarks = new Map<string, "unknown" | "bot" | "member">();
  /** Slack user id → the `tz` users.info gives instead of the default (`POST /__users/tz`). */
  userZones = new Map<string, string>();
  /** Discord channels set up by a test: guild, type, parent, overwrites (`POST /__discord/channels`). */
  discordChannels = new Map<string, ChannelSpec>();
  /** Discord guilds' roles and the bot's, set up by a test (`POST /__discord/guilds`). */
  discordGuilds = new Map<string, GuildSpec>();
  /** Telegram's groups, who started the bot, and the bot's messages (telegram-world.ts). */
  readonly telegram = new TelegramWorld();
  /** Slack OAuth: codes the authorize page handed out, refresh tokens, installed workspaces. */
  readonly oauth = new SlackOauthState();
  private readonly initial: StandinConfig;
  private windows = new Map<string, number[]>();
  private seq = 0;
  private lastTs = 0;

  constructor(config: Partial<StandinConfig> = {}) {
    this.initial = makeConfig(config);
    this.config = structuredClone(this.initial);
  }

  /** Records an accepted call; the oldest records go first so a benchmark cannot exhaust memory. */
  record(platform: Platform, method: string, route: string, body: unknown, response: unknown): void {
    this.calls.push({ platform, method, route, body, response, at: new Date().toISOString() });
    if (this.calls.length > MAX_RECORDED) this.calls.splice(0, this.calls.length - MAX_RECORDED);
  }

  /**
   * Counts one call against several sliding windows at once (a Slack channel and its workspace,
   * Discord's global limit and a route bucket): all or nothing, because a refused call is not
   * counted, as on the platforms. Windows are divided by the time scale. Results are per window.
   */
  take(checks: ReadonlyArray<readonly [key: string, spec: LimitSpec]>, now = Date.now()): RateResult[] {
    const open = checks.map(([key, spec]) => {
      const windowMs = spec.windowMs / this.config.timeScale;
      const list = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
      this.windows.set(key, list);
      return { list, limit: spec.limit, windowMs, room: spec.limit <= 0 || list.length < spec.limit };
    });
    const allowed = open.every((w) => w.room);
    return open.map(({ list, limit, windowMs, room }) => {
      if (limit <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfterMs: 0 };
      if (allowed) list.push(now);
      // The slot that frees next: with n calls in a window of `limit`, the (n - limit + 1)-th oldest.
      const next = list[Math.max(0, list.length - limit)] ?? now;
      const remaining = Math.max(0, limit - list.length);
      return { allowed: room, limit, remaining, retryAfterMs: Math.max(0, next + windowMs - now) };
    });
  }

  /** One window; see {@link take}. */
  hit(key: string, spec: LimitSpec, now = Date.now()): RateResult {
    return this.take([[key, spec]], now)[0] as RateResult;
  }

  /** Takes one use of the first pending fault whose `match` occurs in `subject`. */
  takeFault(platform: Platform, subject: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.platform === platform && subject.includes(f.match));
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return fault;
  }

  /** Merges a partial config into the live one; limit tables merge per key. */
  configure(patch: Partial<StandinConfig>): void {
    const { slackLimits, discordLimits, ...rest } = patch;
    Object.assign(this.config, rest);
    Object.assign(this.config.slackLimits, slackLimits);
    Object.assign(this.config.discordLimits, discordLimits);
  }

  /** Writes one transcript line, if anyone is listening and there is a line. */
  say(line: string | undefined): void {
    if (line) this.transcript?.(line);
  }

  /**
   * A Discord-style snowflake: milliseconds since 2015 shifted left 22 bits, plus a counter. `ms`
   * dates it at another moment (seeded history from a simulated clock); default now.
   */
  snowflake(ms = Date.now()): string {
    this.seq = (this.seq + 1) & 0xfff;
    return (((BigInt(Math.floor(ms)) - DISCORD_EPOCH) << 22n) | BigInt(this.seq)).toString();
  }

  /** A unique Slack message ts: whole seconds that never repeat, then `.000100`. */
  slackTs(): string {
    this.lastTs = Math.max(Math.floor(Date.now() / 1000), this.lastTs + 1);
    return `${this.lastTs}.000100`;
  }

  /** Clears records, windows, faults, marks, stats and scratch; restores the start-up config. */
  reset(): void {
    this.config = structuredClone(this.initial);
    this.calls = [];
    this.faults = [];
    this.stats.reset();
    this.oauth.reset();
    this.telegram.reset();
    for (const map of [
      this.windows,
      this.undeliverable,
      this.lost,
      this.slackMessages,
      this.discordMessages,
      this.responseUrlUses,
      this.discordCommands,
      this.dmChannels,
      this.nonces,
      this.interactionOriginals,
      this.exchangedTriggers,
      this.slackUploads,
      this.userMarks,
      this.userZones,
      this.discordChannels,
      this.discordGuilds,
    ] as Map<unknown, unknown>[])
      map.clear();
  }
}
