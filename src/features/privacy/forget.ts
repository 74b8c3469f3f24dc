import { defineAction, noArgs } from "../../core/actions/define.ts";
import { actionButton } from "../../core/actions/pack.ts";
import { defineCommand } from "../../core/commands/define.ts";
import { ephemeral } from "../../core/message.ts";

export const FORGET_ACTION = "privacy.forget";

/**
 * `/cop profile forget`: explains what will be erased and asks for a press of the button; the
 * command itself changes nothing (a slip of the keyboard erases nothing).
 */
export const profileForget = defineCommand({
  path: ["profile", "forget"],
  summary: "cmd.profile.forget",
  options: {},
  moderator: false,
  // Someone who stepped back may still erase what guyub keeps, without rejoining first.
  openToAlumni: true,
  example: {},
  handle(ctx) {
    return {
      message: ephemeral(
        { type: "text", text: ctx.t("privacy.forgetAsk", { community: ctx.community.name ?? "guyub" }) },
        {
          type: "actions",
          buttons: [actionButton(ctx.community, FORGET_ACTION, ctx.t("privacy.forgetButton"), [], "danger")],
        },
      ),
    };
  },
});

/**
 * The confirmation. The presser is the member forgotten (the dispatcher found them stored in the
 * community the button names), so a press in another community, or a second press once the
 * member row no longer carries their id, gets "not available" and changes nothing.
 */
export const forgetConfirm = defineAction({
  id: FORGET_ACTION,
  args: noArgs,
  moderator: false,
  openToAlumni: true,
  handle(ctx) {
    return {
      update: ephemeral({
        type: "text",
        text: ctx.t("privacy.forgotten", { usage: `${ctx.syntax.prefix} join` }),
      }),
      effects: [{ type: "privacy.forget", memberId: ctx.member.id, userId: ctx.member.platformUserId }],
    };
  },
});
