import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { REPORT_TEXT_MAX } from "./ports.ts";
import { submitReport } from "./submit.ts";

/**
 * `/cop report <what happened>`: a private report of what is not one message (a DM, a meeting).
 * Its subject is a fresh `note:<uuid>`: a platform retry is stopped by the command's ingress key
 * before it could make a second one. The text is sealed at rest like a message's snapshot.
 */
export const reportCommand = defineCommand({
  path: ["report"],
  summary: "cmd.report.member",
  options: { what: option.text("arg.what", "arg.what.help", REPORT_TEXT_MAX) },
  moderator: false,
  example: { what: localized("example.reportWhat") },
  async handle(ctx, { what }) {
    const outcome = await submitReport(ctx, { subject: `note:${crypto.randomUUID()}`, snapshot: what });
    return {
      message: outcome.reply,
      effects: outcome.effects,
      ...(outcome.replyAfter ? { replyAfter: outcome.replyAfter } : {}),
    };
  },
});
