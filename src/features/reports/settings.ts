import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { channelRefusalReply } from "../../core/membership/channel-access.ts";
import { ephemeral } from "../../core/message.ts";

/**
 * `/copmod report channel #mods`: the private moderators' channel triage cards go to. `report` is
 * a group under `/copmod` and the members' single command under `/cop` (`/cop report <what
 * happened>`): the tree allows that across roots, each root being its own Discord command.
 */
export const reportsChannel = defineCommand({
  path: ["report", "channel"],
  summary: "cmd.report.channel",
  options: { channel: option.channel("arg.channel", "arg.channel.help") },
  moderator: true,
  example: { channel: localized("example.reportsChannel") },
  async handle(ctx, { channel }) {
    // A channel guyub cannot post in would swallow every report in silence.
    const refused = await channelRefusalReply(ctx, channel);
    if (refused) return { message: refused };
    return {
      message: ephemeral({ type: "text", text: ctx.t.rich("reports.channelSet", { channel: { channel } }) }),
      effects: [{ type: "reports.channel", channelId: channel }],
    };
  },
});
