import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { channelRefusal, refusalText } from "../../core/membership/channel-access.ts";
import { ephemeral } from "../../core/message.ts";

/**
 * `/copmod reports channel #mods`: the private moderators' channel triage cards go to. The group
 * is `reports`, not `report`: `/cop report <what happened>` is a single word, and the command tree
 * refuses one word that is both a command and a group (Slack's `/cop` reaches both roots).
 */
export const reportsChannel = defineCommand({
  path: ["reports", "channel"],
  summary: "cmd.reports.channel",
  options: { channel: option.channel("arg.channel", "arg.channel.help") },
  moderator: true,
  example: { channel: localized("example.reportsChannel") },
  async handle(ctx, { channel }) {
    // A channel guyub cannot post in would swallow every report in silence.
    const refusal = await channelRefusal(ctx.directory, channel);
    if (refusal) {
      const text = refusalText(refusal, ctx.traits, ctx.t, { channel });
      return { message: ephemeral({ type: "text", text }) };
    }
    return {
      message: ephemeral({ type: "text", text: ctx.t.rich("reports.channelSet", { channel: { channel } }) }),
      effects: [{ type: "reports.channel", channelId: channel }],
    };
  },
});
