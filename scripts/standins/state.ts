/**
 * Shared in-memory state of the Slack and Discord stand-ins: configuration, a recorder of accepted
 * calls, sliding rate-limit windows and injected faults. Web-standard only, so the stand-ins could
 * run in workerd as well as in Node.
 */

export type Platform = "slack" | "discord";

/** At most `limit` calls within any `windowMs` milliseconds. */
export interface LimitSpec {
  limit: number;
  windowMs: number;
}

export interface StandinConfig {
  /** Bot tokens the Slack stand-in accepts (several, as an OAuth install adds workspaces). */
  slackTokens: string[];
  discordBotToken: string;
  discordApplicationId: string;
  /** Per Slack method; `chat.postMessage` counts per channel. */
  slackLimits: Record<string, LimitSpec>;
  /** Per Discord bucket: global, messages, dm, commands, webhooks. A limit of 0 disables one. */
  discordLimits: Record<string, LimitSpec>;
}

/** Slack's tiers (per method per token, one-minute window); see PLATFORM-FACTS.md. */
export const DEFAULT_SLACK_LIMITS: Record<string, LimitSpec> = {
  "auth.test": { limit: 100, windowMs: 60_000 },
  "users.info": { limit: 100, windowMs: 60_000 },
  "chat.postEphemeral": { limit: 100, windowMs: 60_000 },
  "conversations.open": { limit: 50, windowMs: 60_000 },
  // "About one message per second per channel", with a short burst allowed.
  "chat.postMessage": { limit: 5, windowMs: 5_000 },
};

export const DEFAULT_DISCORD_LIMITS: Record<string, LimitSpec> = {
  global: { limit: 50, windowMs: 1_000 },
  messages: { limit: 5, windowMs: 5_000 },
  dm: { limit: 10, windowMs: 10_000 },
  commands: { limit: 10, windowMs: 20_000 },
  webhooks: { limit: 5, windowMs: 2_000 },
};

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

export interface Fault {
  platform: Platform;
  /** Slack: a method name (substring); Discord: a substring of `"<METHOD> <route>"`. */
  match: string;
  status: number;
  count: number;
  /** Replaces the default error body: JSON, or a string served as HTML (Cloudflare's 1015 page). */
  body?: unknown;
  /** Seconds, for 429 faults (default 1). */
  retryAfter?: number;
}

export interface RateResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the next slot frees up (0 when allowed and slots remain). */
  retryAfterMs: number;
}

const MAX_RECORDED = 10_000;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Mutable state shared by both stand-ins; `reset()` restores a fresh start but keeps the config. */
export class StandinState {
  readonly config: StandinConfig;
  calls: RecordedCall[] = [];
  faults: Fault[] = [];
  /** response_url id → uses so far. */
  responseUrlUses = new Map<string, number>();
  /** Discord command scope (`global` or `guild:<id>`) → last registered set. */
  discordCommands = new Map<string, unknown[]>();
  /** Discord recipient id → DM channel id, stable until reset. */
  dmChannels = new Map<string, string>();
  /** Discord `channel:nonce` → the message first created with it (enforce_nonce). */
  nonces = new Map<string, unknown>();
  /** Discord interaction token → the id of its original response message. */
  interactionOriginals = new Map<string, string>();
  private windows = new Map<string, number[]>();
  private seq = 0;
  private lastTs = 0;

  constructor(config: Partial<StandinConfig> = {}) {
    this.config = {
      slackTokens: config.slackTokens ?? ["xoxb-test-token"],
      discordBotToken: config.discordBotToken ?? "test-discord-bot-token",
      discordApplicationId: config.discordApplicationId ?? "100000000000000001",
      slackLimits: { ...DEFAULT_SLACK_LIMITS, ...config.slackLimits },
      discordLimits: { ...DEFAULT_DISCORD_LIMITS, ...config.discordLimits },
    };
  }

  /** Records an accepted call; the oldest records go first so a benchmark cannot exhaust memory. */
  record(platform: Platform, method: string, route: string, body: unknown, response: unknown): void {
    this.calls.push({ platform, method, route, body, response, at: new Date().toISOString() });
    if (this.calls.length > MAX_RECORDED) this.calls.splice(0, this.calls.length - MAX_RECORDED);
  }

  /** Counts a call against a sliding window; a refused call is not counted, as on the platforms. */
  hit(key: string, spec: LimitSpec, now = Date.now()): RateResult {
    if (spec.limit <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfterMs: 0 };
    const list = (this.windows.get(key) ?? []).filter((t) => t > now - spec.windowMs);
    const allowed = list.length < spec.limit;
    if (allowed) list.push(now);
    this.windows.set(key, list);
    const remaining = spec.limit - list.length;
    const oldest = list[0] ?? now;
    return { allowed, limit: spec.limit, remaining, retryAfterMs: Math.max(0, oldest + spec.windowMs - now) };
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

  /** A Discord-style snowflake: milliseconds since 2015 shifted left 22 bits, plus a counter. */
  snowflake(): string {
    this.seq = (this.seq + 1) & 0xfff;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | BigInt(this.seq)).toString();
  }

  /** A unique Slack message ts: whole seconds that never repeat, then `.000100`. */
  slackTs(): string {
    this.lastTs = Math.max(Math.floor(Date.now() / 1000), this.lastTs + 1);
    return `${this.lastTs}.000100`;
  }

  /** Clears records, windows, faults and per-platform scratch; the config stays. */
  reset(): void {
    this.calls = [];
    this.faults = [];
    this.windows.clear();
    this.responseUrlUses.clear();
    this.discordCommands.clear();
    this.dmChannels.clear();
    this.nonces.clear();
    this.interactionOriginals.clear();
  }
}

/** A JSON response with extra headers; status codes are dynamic here, hence not `c.json`. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}
