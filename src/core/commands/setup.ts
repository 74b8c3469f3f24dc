import { setupChecklist } from "../setup/checklist.ts";
import { openSetup } from "../setup/forms.ts";
import { readSetupState } from "../setup/state.ts";
import { defineCommand } from "./define.ts";

/**
 * `/cop setup`: the day-one settings in one form (Slack one modal, Discord two steps). The first
 * time, while nothing of them is set, it opens the form; after that it shows the private checklist
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
    return fresh ? { message: checklist, form: await openSetup(ctx) } : { message: checklist };
  },
});
