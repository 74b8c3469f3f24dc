import { actionButton } from "../../core/actions/pack.ts";
import { activityToday } from "../../core/activity/effects.ts";
import { defineCommand } from "../../core/commands/define.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { type Block, ephemeral } from "../../core/message.ts";
import { INTRO_ACTION } from "./welcome.ts";

/**
 * `/cop join`: everyone. A member who stepped back (or left) comes back, without a second
 * welcome; anyone else is already in. A newcomer met here for the first time is welcomed by
 * first contact (`src/core/membership/first-contact.ts`) before this runs; so is someone who
 * asked guyub to forget them (`revivesForgotten`): they leave the forgotten list and start fresh.
 */
export const join = defineCommand({
  path: ["join"],
  summary: "cmd.join",
  options: {},
  moderator: false,
  openToAlumni: true,
  revivesForgotten: true,
  example: {},
  async handle(ctx) {
    const { t, member } = ctx;
    const state = await ctx.store.membership.member(ctx.community.id, member.platformUserId);
    if (state?.status === "alumni") {
      return {
        message: ephemeral({ type: "text", text: t("join.back") }, ...introduce(ctx)),
        effects: [
          {
            type: "member.join",
            userId: member.platformUserId,
            displayName: member.displayName,
            welcome: false,
          },
          // Commands of someone who stepped back mark no activity (openSession): coming back does.
          ...activityToday(ctx.community, member, ctx.now),
        ],
      };
    }
    const usage = `${ctx.syntax.prefix} help`;
    return { message: ephemeral({ type: "text", text: t("join.already", { usage }) }, ...introduce(ctx)) };
  },
});

/**
 * `/cop leave`: everyone. The member steps back: alumni, out of every active-members query, kept
 * in history. Later commands do not undo it (registering a speaker never touches status); only
 * `/cop join` or rejoining the main channel does.
 */
export const leave = defineCommand({
  path: ["leave"],
  summary: "cmd.leave",
  options: {},
  moderator: false,
  openToAlumni: true,
  example: {},
  async handle(ctx) {
    const { t, member } = ctx;
    const usage = `${ctx.syntax.prefix} join`;
    const state = await ctx.store.membership.member(ctx.community.id, member.platformUserId);
    if (state?.status === "alumni") {
      return { message: ephemeral({ type: "text", text: t("leave.already", { usage }) }) };
    }
    return {
      message: ephemeral(
        { type: "text", text: t("leave.done") },
        { type: "context", text: t("leave.return", { usage }) },
      ),
      effects: [{ type: "member.leave", userId: member.platformUserId, reason: "self" }],
    };
  },
});

function introduce(ctx: CommandContext): Block[] {
  const button = actionButton(ctx.community, INTRO_ACTION, ctx.t("welcome.introButton"), [], "primary");
  return [
    { type: "text", text: ctx.t("join.introduce") },
    { type: "actions", buttons: [button] },
  ];
}
