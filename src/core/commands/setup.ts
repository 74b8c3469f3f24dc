import { setupChecklist } from "../setup/checklist.ts";
import { openSetup } from "../setup/forms.ts";
import { installerLanguage } from "../setup/installer-language.ts";
import { readSetupState } from "../setup/state.ts";
import { defineCommand } from "./define.ts";

/**
 * `/copmod setup`: the day-one settings in one form (Slack one modal, Discord two steps). The first
 * time, while nothing of them is set, it opens the form (in Bahasa Indonesia, language chosen, when
 * the installer is plainly Indonesian); after that it shows the private checklist
 * (set, missing, the next three things guyub will do) with a button that opens the form.
 */
export const setup = defineCommand({
  path: ["setup"],
  summary: "cmd.setup",
  options: {},
  moderator: true,
  readOnly: true,
  example: {},
  async handle(ctx) {
    const state = await readSetupState(ctx);
    const checklist = await setupChecklist(ctx, ctx.community, ctx.t, { button: true });
    const fresh = !state.timezoneSet && !state.mainChannelId && !state.series;
    if (!fresh) return { message: checklist };
    // The first form speaks the installer's language when the platform plainly says it is Indonesian.
    const locale = ctx.community.locale === "en" ? await installerLanguage(ctx) : null;
    return { message: checklist, form: await openSetup(ctx, locale ?? undefined) };
  },
});
