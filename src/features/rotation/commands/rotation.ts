import { defineCommand } from "../../../core/commands/define.ts";
import { memberMention } from "../../../core/former-member.ts";
import { type Block, ephemeral, type Inline } from "../../../core/message.ts";
import { fairnessLines } from "../fairness.ts";
import { noSeries } from "../pass.ts";
import { ahead, loadTurns, whenOf } from "../turns.ts";

/** Fairness lines shown at most: Slack's 3,000 and Discord's 2,000 characters hold them with room. */
const MAX_LINES = 20;

/** `/cop rotation show`: the next four meetings and who hosts each. */
export const rotationShow = defineCommand({
  path: ["rotation", "show"],
  summary: "cmd.rotation.show",
  options: {},
  moderator: false,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const view = await loadTurns(ctx);
    if (view.meetings === null) {
      const refused = noSeries(ctx);
      return { message: ephemeral({ type: "text", text: refused.text }) };
    }
    const meetings = ahead(view);
    if (meetings.length === 0)
      return { message: ephemeral({ type: "text", text: ctx.t("meeting.noneAhead") }) };
    // Mentions in an ephemeral reply notify nobody on Slack or Discord: names are safe to show here.
    const lines = meetings.flatMap((m, i): Inline[] => [
      ...(i === 0 ? [] : ["\n"]),
      ...ctx.t.rich("rotation.showLine", {
        when: whenOf(ctx, m),
        host: m.host ? memberMention(ctx.t, m.host) : ctx.t("rotation.nobody"),
      }),
    ]);
    const p = ctx.syntax.prefix;
    return {
      message: ephemeral(
        { type: "heading", text: ctx.t("rotation.showTitle") },
        { type: "text", text: lines },
        {
          type: "context",
          text: ctx.t("rotation.showHint", {
            pass: `${p} rotation pass`,
            swap: `${p} rotation swap @member`,
          }),
        },
      ),
    };
  },
});

/** `/cop rotation fairness`: turns per member who had any or can host now, next in line first. */
export const rotationFairness = defineCommand({
  path: ["rotation", "fairness"],
  summary: "cmd.rotation.fairness",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    const { shown, total } = await fairnessLines(ctx, MAX_LINES);
    if (total === 0) return { message: ephemeral({ type: "text", text: ctx.t("rotation.fairnessEmpty") }) };
    const lines = shown.flatMap((t, i): Inline[] => {
      const params = {
        member: memberMention(ctx.t, t.memberId),
        hosted: String(t.hosted),
        passed: String(t.passed),
      };
      const line =
        t.owed > 0
          ? ctx.t.rich("rotation.fairnessOwes", { ...params, owed: String(t.owed) })
          : ctx.t.rich("rotation.fairnessLine", params);
      return i === 0 ? line : ["\n", ...line];
    });
    const blocks: Block[] = [
      { type: "heading", text: ctx.t("rotation.fairnessTitle") },
      { type: "text", text: lines },
    ];
    if (total > shown.length)
      blocks.push({
        type: "text",
        text: ctx.t("rotation.fairnessMore", { count: String(total - shown.length) }),
      });
    blocks.push({ type: "context", text: ctx.t("rotation.fairnessRule") });
    return { message: ephemeral(...blocks) };
  },
});
