import { z } from "zod";
import { defineCommand } from "../../core/commands/define.ts";
import { type OptionSpec, option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { channelRefusalReply } from "../../core/membership/channel-access.ts";
import { type Block, ephemeral } from "../../core/message.ts";
import { MEMBER_SYNC_JOB } from "./ports.ts";
import { welcomeFallback, welcomeMessage } from "./welcome.ts";

/** Words that reset the welcome to the built-in text, or remove the code of conduct. */
const DEFAULT_WORDS = new Set(["default", "bawaan"]);
const NONE_WORDS = new Set(["none", "kosong"]);
/** The longest code of conduct (the command's option and the setup form's field). */
export const CONDUCT_MAX_LENGTH = 800;

/** Whole days from 1 to 60: "0", "61", "abc" and "7 days" are refused with the usage. */
const days: OptionSpec<z.ZodType<number, string>> = {
  ...option.text("arg.days", "arg.days.help", 2),
  schema: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(60)),
};

const usage = (ctx: CommandContext, words: string) => `${ctx.syntax.moderatorPrefix} onboarding ${words}`;
const say = (text: string) => ({ message: ephemeral({ type: "text", text }) });

/** `/copmod onboarding welcome <text>`: what newcomers read first; `default` restores the built-in text. */
export const onboardingWelcome = defineCommand({
  path: ["onboarding", "welcome"],
  summary: "cmd.onboarding.welcome",
  options: { text: option.text("arg.welcome", "arg.welcome.help", 1000) },
  moderator: true,
  example: { text: localized("example.welcome") },
  handle(ctx, { text }) {
    if (DEFAULT_WORDS.has(text.toLowerCase())) {
      return {
        ...say(ctx.t("onboarding.welcomeReset")),
        effects: [{ type: "onboarding.settings", welcomeText: null }],
      };
    }
    return {
      ...say(ctx.t("onboarding.welcomeSet", { usage: usage(ctx, "preview") })),
      effects: [{ type: "onboarding.settings", welcomeText: text }],
    };
  },
});

/** `/copmod onboarding conduct <text>`: shown with every welcome; `none` removes it. */
export const onboardingConduct = defineCommand({
  path: ["onboarding", "conduct"],
  summary: "cmd.onboarding.conduct",
  options: { text: option.text("arg.conduct", "arg.conduct.help", CONDUCT_MAX_LENGTH) },
  moderator: true,
  example: { text: localized("example.conduct") },
  handle(ctx, { text }) {
    if (NONE_WORDS.has(text.toLowerCase())) {
      return {
        ...say(ctx.t("onboarding.conductCleared")),
        effects: [{ type: "onboarding.settings", conductText: null }],
      };
    }
    return {
      ...say(ctx.t("onboarding.conductSet")),
      effects: [{ type: "onboarding.settings", conductText: text }],
    };
  },
});

/** `/copmod onboarding followup <days>`: when the one reminder goes to a newcomer who has not engaged. */
export const onboardingFollowup = defineCommand({
  path: ["onboarding", "followup"],
  summary: "cmd.onboarding.followup",
  options: { days },
  moderator: true,
  example: { days: "7" },
  handle(ctx, { days }) {
    return {
      ...say(ctx.t("onboarding.followupSet", { days: String(days) })),
      effects: [{ type: "onboarding.settings", followupDays: days }],
    };
  },
});

/** `/copmod onboarding channel #channel`: the main channel every feature posts to. */
export const onboardingChannel = defineCommand({
  path: ["onboarding", "channel"],
  summary: "cmd.onboarding.channel",
  options: { channel: option.channel("arg.channel", "arg.channel.help") },
  moderator: true,
  example: { channel: localized("example.channel") },
  async handle(ctx, { channel }) {
    // Ask the platform first: a channel guyub cannot post in would swallow every post in silence.
    const refused = await channelRefusalReply(ctx, channel);
    if (refused) return { message: refused };
    return {
      message: ephemeral({
        type: "text",
        text: ctx.t.rich("onboarding.channelSet", { channel: { channel } }),
      }),
      effects: [{ type: "community.mainChannel", channelId: channel }],
    };
  },
});

/** `/copmod onboarding preview` (Slack also `/cop onboarding`): exactly what a newcomer receives. */
export const onboardingPreview = defineCommand({
  path: ["onboarding", "preview"],
  summary: "cmd.onboarding.preview",
  options: {},
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const { t, community } = ctx;
    const settings = await ctx.store.membership.onboarding(community.id);
    const blocks: Block[] = [
      { type: "context", text: t("onboarding.previewIntro") },
      ...welcomeMessage(community, settings).blocks,
      { type: "divider" },
    ];
    if (settings.mainChannelId) {
      const fallback = welcomeFallback(community, ctx.member.platformUserId);
      blocks.push(
        {
          type: "context",
          text: t.rich("onboarding.previewFallback", { channel: { channel: settings.mainChannelId } }),
        },
        ...fallback.blocks,
      );
    } else {
      blocks.push({
        type: "context",
        text: t("onboarding.previewNoChannel", { usage: usage(ctx, "channel") }),
      });
    }
    blocks.push({
      type: "context",
      text: t("onboarding.previewFollowup", { days: String(settings.followupDays) }),
    });
    return { message: ephemeral(...blocks) };
  },
});

/**
 * `/copmod onboarding sync`: read the member list now. The run is queued at once (answering within
 * the platform's 3 seconds); without a JOBS queue the request waits for the next quarter-hour.
 */
export const onboardingSync = defineCommand({
  path: ["onboarding", "sync"],
  summary: "cmd.onboarding.sync",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const started = ctx.jobs ? await ctx.jobs.start(MEMBER_SYNC_JOB, ctx.community.id, ctx.now) : false;
    const membersUsage = `${ctx.syntax.moderatorPrefix} members`;
    const text = started
      ? ctx.t("onboarding.syncStarted", { usage: membersUsage })
      : ctx.t("onboarding.syncQueued", { usage: membersUsage });
    return { ...say(text), effects: [{ type: "member.syncRequest" }] };
  },
});
