import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { ephemeral } from "../../core/message.ts";
import { REPORT_TEXT_MAX } from "./ports.ts";
import { submitReport } from "./submit.ts";

/** "channel #mods" (Slack's readable text, or a Discord mention), in either language. */
const CHANNEL_ONLY = /^(?:channel|kanal|saluran)\s+(?:#\S+|<#\d+>)$/i;

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
    // `/cop report channel #mods` is the moderators' setting typed under the members' root (the
    // word is a command here and a group under /copmod): a channel alone says nothing that
    // happened, so it is answered with the right command and nothing is filed.
    if (CHANNEL_ONLY.test(what.trim()))
      return {
        message: ephemeral({
          type: "text",
          text: ctx.t("reports.channelOnly", { usage: `${ctx.syntax.moderatorPrefix} report channel #…` }),
        }),
      };
    const outcome = await submitReport(ctx, { subject: `note:${crypto.randomUUID()}`, snapshot: what });
    return {
      message: outcome.reply,
      effects: outcome.effects,
      ...(outcome.replyAfter ? { replyAfter: outcome.replyAfter } : {}),
    };
  },
});
