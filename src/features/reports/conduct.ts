import { defineCommand } from "../../core/commands/define.ts";
import { ephemeral } from "../../core/message.ts";

/**
 * `/cop conduct`: the code of conduct set by `/copmod onboarding conduct`, privately, any time
 * (not only in the welcome). Member text stays a plain string, so renderers escape it.
 */
export const conduct = defineCommand({
  path: ["conduct"],
  summary: "cmd.conduct",
  options: {},
  moderator: false,
  readOnly: true,
  example: {},
  async handle(ctx) {
    const { conductText } = await ctx.store.membership.onboarding(ctx.community.id);
    if (!conductText) {
      const usage = `${ctx.syntax.moderatorPrefix} onboarding conduct`;
      return { message: ephemeral({ type: "text", text: ctx.t("conduct.none", { usage }) }) };
    }
    return {
      message: ephemeral(
        { type: "heading", text: ctx.t("conduct.title") },
        { type: "text", text: conductText },
        { type: "context", text: ctx.t("conduct.worry") },
      ),
    };
  },
});
