import {
  type HeartbeatState,
  heartbeatState,
  type SchemaState,
  schemaState,
  type TickState,
  tickState,
} from "../../core/health/status.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { HealthReading } from "../../db/health-read.ts";
import { MIGRATIONS } from "../../db/migration-names.ts";
import type { AppEnv } from "../../env.ts";
import { keyRingReport } from "../../secrets/key-report.ts";
import { discordInstallUrl } from "../discord/install.ts";

/**
 * The environment names guyub reads, in the order the page lists them. Only whether each is set
 * ever leaves this module: never a value, nor its length.
 */
export const SETTING_NAMES = [
  "SLACK_SIGNING_SECRET",
  "SLACK_BOT_TOKEN",
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_APPLICATION_ID",
  "DISCORD_BOT_TOKEN",
  "DISCORD_GUILD_ID",
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "TELEGRAM_BOT_USERNAME",
  "TOKEN_ENCRYPTION_KEY",
  "TOKEN_ENCRYPTION_KEYS",
  "PUBLIC_URL",
] as const satisfies readonly (keyof AppEnv)[];
export type SettingName = (typeof SETTING_NAMES)[number];

/** What the health page shows, decided; rendering only words it. */
export interface HealthView {
  readonly locale: Locale;
  readonly now: Date;
  readonly install: {
    readonly slack: string | null;
    readonly discord: string | null;
    readonly telegram: string | null;
  };
  readonly communities: readonly { platform: string; count: number }[] | null;
  readonly settings: readonly { name: SettingName; set: boolean }[];
  readonly schema: SchemaState;
  readonly tick: TickState & { readonly at?: Date };
  readonly queues: readonly { name: string; state: HeartbeatState }[] | null;
  /** The token key ring against the stored tokens; null when the rows could not be read. */
  readonly tokens: TokenKeysView | null;
}

/**
 * The key ring's state, in ids only: the ring's key ids (never a key), how many tokens wait for
 * re-encryption, and the rows whose key is not in the ring (installation, workspace id, field).
 */
export interface TokenKeysView {
  /** No key set at all, the ring malformed (the reason names the entry, never a key), or usable. */
  readonly ring: "unset" | "malformed" | "ok";
  readonly reason: string | null;
  readonly activeKeyId: string | null;
  readonly stored: number;
  readonly waiting: number;
  readonly missing: readonly {
    installationId: number;
    platform: string;
    workspaceId: string;
    field: string;
    keyId: string | null;
  }[];
}

const isSet = (value: string | undefined) => typeof value === "string" && value.trim() !== "";
const date = (iso: string | null) => (iso === null ? null : new Date(iso));

export function healthView(
  env: AppEnv,
  reading: HealthReading,
  queueNames: readonly string[],
  locale: Locale,
  now: Date,
): HealthView {
  const base = isSet(env.PUBLIC_URL) ? (env.PUBLIC_URL ?? "").replace(/\/+$/, "") : "";
  const tick = reading.tick;
  const failed = tick?.failed ? (JSON.parse(tick.failed) as string[]) : [];
  return {
    locale,
    now,
    install: {
      slack: isSet(env.SLACK_CLIENT_ID) ? `${base}/slack/install` : null,
      discord: isSet(env.DISCORD_APPLICATION_ID) ? inviteUrl(env.DISCORD_APPLICATION_ID ?? "") : null,
      telegram: isSet(env.TELEGRAM_BOT_TOKEN) ? addToGroupUrl(env.TELEGRAM_BOT_USERNAME) : null,
    },
    communities: reading.communities,
    settings: SETTING_NAMES.map((name) => ({ name, set: isSet(env[name]) })),
    schema: schemaState(reading.readable ? reading.appliedMigration : undefined, MIGRATIONS),
    tick: {
      ...tickState(
        tick ? { scheduledAt: new Date(tick.scheduled_at), ok: tick.ok === 1, failed } : null,
        now,
      ),
      at: tick ? new Date(tick.scheduled_at) : undefined,
    },
    queues:
      reading.heartbeats === null
        ? null
        : queueNames.map((name) => {
            const row = reading.heartbeats?.find((beat) => beat.queue === name);
            return {
              name,
              state: heartbeatState(
                {
                  sentAt: date(row?.sent_at ?? null),
                  backSentAt: date(row?.back_sent_at ?? null),
                  backAt: date(row?.back_at ?? null),
                  roundTripMs: row?.round_trip_ms ?? null,
                },
                now,
              ),
            };
          }),
    tokens: reading.sealed === null ? null : tokenKeys(env, reading.sealed),
  };
}

function tokenKeys(env: AppEnv, sealed: NonNullable<HealthReading["sealed"]>): TokenKeysView {
  const report = keyRingReport(
    { TOKEN_ENCRYPTION_KEYS: env.TOKEN_ENCRYPTION_KEYS, TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY },
    sealed,
  );
  const unset = !isSet(env.TOKEN_ENCRYPTION_KEYS) && !isSet(env.TOKEN_ENCRYPTION_KEY);
  return {
    ring: report.error === null ? "ok" : unset ? "unset" : "malformed",
    reason: report.error,
    activeKeyId: report.activeKeyId,
    stored: sealed.length,
    waiting: report.notActive,
    missing: report.missing.map(({ installationId, platform, workspaceId, field, keyId }) => ({
      installationId,
      platform,
      workspaceId,
      field,
      keyId,
    })),
  };
}

/** The one install URL (src/adapters/discord/install.ts), or no button when the id is not a Discord id. */
function inviteUrl(applicationId: string): string | null {
  try {
    return discordInstallUrl(applicationId);
  } catch {
    return null;
  }
}

/** Telegram's usernames: 5 to 32 letters, digits and underscores, starting with a letter. */
const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;

/**
 * Telegram's "add to group" link (`t.me/<bot>?startgroup`: the app asks which group), or no button
 * without the bot's username; the token alone names no bot the page can link to.
 */
function addToGroupUrl(username: string | undefined): string | null {
  const name = username?.trim().replace(/^@/, "") ?? "";
  return TELEGRAM_USERNAME.test(name) ? `https://t.me/${name}?startgroup` : null;
}
