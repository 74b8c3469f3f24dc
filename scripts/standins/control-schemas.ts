/**
 * The JSON the control routes accept (control.ts). Strict objects: a misspelt field in a test
 * (`timescale`) is a 400 with a message rather than a silently ignored setting.
 */
import { z } from "zod";
import {
  DISCORD_CHANNEL_LOSSES,
  DISCORD_GUILD_LOSSES,
  SLACK_CHANNEL_LOSSES,
  SLACK_DM_ERRORS,
  SLACK_TOKEN_LOSSES,
} from "./access.ts";

const platform = z.enum(["slack", "discord"]);
const limit = z.strictObject({ limit: z.number().int().min(0), windowMs: z.number().positive() });

export const ConfigInput = z.strictObject({
  timeScale: z.number().positive().max(10_000).optional(),
  slackLimits: z.record(z.string(), limit).optional(),
  discordLimits: z.record(z.string(), limit).optional(),
  slackUserCount: z.number().int().min(0).max(100_000).optional(),
  slackTokenRotation: z.boolean().optional(),
  discordMemberCount: z.number().int().min(0).max(100_000).optional(),
  discordGuildId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  discordMemberNames: z
    .array(z.string().regex(/^[a-z0-9_.]{2,32}$/))
    .max(1000)
    .optional(),
});

export const FaultInput = z
  .strictObject({
    platform,
    match: z.string(),
    status: z.number().int().min(200).max(599).optional(),
    count: z.number().int().min(1).default(1),
    body: z.unknown().optional(),
    retryAfter: z.number().positive().optional(),
    global: z.boolean().optional(),
    delayMs: z.number().int().min(0).max(300_000).optional(),
  })
  .refine(
    (f) => f.status !== undefined || f.delayMs !== undefined,
    "a fault needs a status, a delayMs, or both",
  );

/** A user the directory describes otherwise: not in the workspace or server at all, or a bot. */
export const UserInput = z.strictObject({
  platform,
  userId: z.string().min(1).max(32),
  /** `member`: Slack `users.info` says neither admin nor owner (an admin demoted on Slack). */
  kind: z.enum(["unknown", "bot", "member"]),
});

/** A Slack user's own time zone, as `users.info` then gives it in `tz` (the seeded default: Asia/Jakarta). */
export const UserZoneInput = z.strictObject({
  userId: z.string().min(1).max(32),
  tz: z.string().min(1).max(64),
});

export const UndeliverableInput = z
  .strictObject({ platform, userId: z.string().min(1), error: z.enum(SLACK_DM_ERRORS).optional() })
  .refine((u) => u.platform === "slack" || u.error === undefined, {
    message: "Discord answers every undeliverable DM with 50007; `error` is for Slack",
    path: ["error"],
  });

/** Which `kind`s each platform and target can lose access as; the first is the default. */
const LOSSES = {
  slack: { channel: SLACK_CHANNEL_LOSSES, token: SLACK_TOKEN_LOSSES, guild: [] },
  discord: { channel: DISCORD_CHANNEL_LOSSES, token: ["revoked"], guild: DISCORD_GUILD_LOSSES },
} as const;

const FIELD = { channel: "channelId", guild: "guildId", token: "token" } as const;

export const LostInput = z
  .strictObject({
    platform,
    channelId: z.string().min(1).optional(),
    guildId: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    kind: z.string().optional(),
  })
  .transform((input, ctx) => {
    const targets = (["channel", "guild", "token"] as const).filter((t) => input[FIELD[t]] !== undefined);
    const [target] = targets;
    const kinds: readonly string[] = target ? LOSSES[input.platform][target] : [];
    if (!target || targets.length > 1 || !kinds.length) {
      ctx.addIssue({
        code: "custom",
        message: `give exactly one of channelId, guildId (Discord only) or token`,
      });
      return z.NEVER;
    }
    const kind = input.kind ?? kinds[0] ?? "";
    if (!kinds.includes(kind)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: `one of ${kinds.join(", ")}` });
      return z.NEVER;
    }
    const id = input[FIELD[target]] ?? "";
    return { platform: input.platform, target, id, kind };
  });
