import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral } from "../../core/message.ts";
import { isDirectChannel } from "../../core/platform.ts";
import { KUDOS_PER_DAY, KUDOS_REASON_MAX } from "./ports.ts";
import { kudosMessage } from "./post.ts";

const say = (text: string) => ({ message: ephemeral({ type: "text", text }) });

/**
 * `/cop kudos @member <why>`: a public thank-you in the channel where it was typed (the main
 * channel when typed in a DM), remembered for the weekly digest. Not to oneself, not to bots, at
 * most 10 a day per giver. The read of today's count only words the refusal: the limit itself
 * is enforced inside the INSERT (store.ts).
 */
export const kudos = defineCommand({
  path: ["kudos"],
  summary: "cmd.kudos",
  options: {
    member: option.user("arg.member", "arg.member.help"),
    why: option.text("arg.why", "arg.why.help", KUDOS_REASON_MAX),
  },
  moderator: false,
  example: { member: "@ayu", why: localized("example.kudosWhy") },
  async handle(ctx, { member: to, why }) {
    const from = ctx.member.platformUserId;
    if (to === from) return say(ctx.t("kudos.self"));
    const bot = ctx.place ? await ctx.place.isBot(to) : null;
    if (bot === true) return say(ctx.t("kudos.bot"));
    if (bot === null) {
      return {
        message: ephemeral({ type: "text", text: ctx.t.rich("kudos.unknownBot", { to: { user: to } }) }),
      };
    }
    const day = localDay(ctx.now, ctx.community.timezone);
    if ((await ctx.store.kudos.givenOn(ctx.community.id, from, day)) >= KUDOS_PER_DAY) {
      return say(ctx.t("kudos.limit", { limit: String(KUDOS_PER_DAY) }));
    }
    const channelId = await postChannel(ctx);
    if (!channelId) return say(ctx.t("kudos.noChannel"));
    const message = kudosMessage(ctx.t, ctx.member.displayName, to, why);
    // Unique per command (a replayed request is stopped by its ingress key before this matters).
    const key = `kudos:${from}:${ctx.now.getTime()}:${crypto.randomUUID()}`;
    const done = ephemeral({ type: "text", text: ctx.t.rich("kudos.done", { to: { user: to } }) });
    return {
      message: done,
      effects: [
        { type: "kudos.give", from, to, reason: why, day, draft: { kind: "post", key, channelId, message } },
      ],
      // The count above is only a hint: a racing command may have given the 10th meanwhile, and
      // then the INSERT refused this one. Say what happened, not what was asked for.
      replyAfter: async ({ duplicate }) =>
        duplicate || (await ctx.store.kudos.stored(ctx.community.id, key))
          ? done
          : ephemeral({ type: "text", text: ctx.t("kudos.limit", { limit: String(KUDOS_PER_DAY) }) }),
    };
  },
});

/** The channel the command was typed in; a private chat with the bot (Slack `D…`) is no place for it. */
async function postChannel(ctx: CommandContext): Promise<string | null> {
  const here = ctx.place?.channelId ?? null;
  if (here && !isDirectChannel(ctx.traits, here)) return here;
  return (await ctx.store.membership.onboarding(ctx.community.id)).mainChannelId;
}
