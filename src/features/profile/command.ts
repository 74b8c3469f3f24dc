import { defineCommand } from "../../core/commands/define.ts";
import { option, optional } from "../../core/commands/options.ts";
import { ephemeral } from "../../core/message.ts";
import { openIntro } from "./forms.ts";
import { otherProfile, ownProfile } from "./view.ts";

/** `/cop profile show [@member]` (Slack also takes `/cop profile`): yours in full, others' as they allow. */
export const profileShow = defineCommand({
  path: ["profile", "show"],
  summary: "cmd.profile.show",
  options: { member: optional(option.user("arg.member", "arg.member.help")) },
  moderator: false,
  groupDefault: true,
  example: { member: "@ayu" },
  async handle(ctx, { member }) {
    const userId = member ?? ctx.member.platformUserId;
    const found = await ctx.store.profiles.byUser(ctx.community.id, userId);
    if (userId === ctx.member.platformUserId) return { message: ownProfile(ctx, found.profile) };
    return { message: otherProfile(ctx, userId, found.owner, found.profile) };
  },
});

/** `/cop profile edit`: opens the intro form with the member's answers so far. */
export const profileEdit = defineCommand({
  path: ["profile", "edit"],
  summary: "cmd.profile.edit",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    return {
      message: ephemeral({ type: "text", text: ctx.t("profile.formOpened") }),
      form: await openIntro(ctx),
    };
  },
});
