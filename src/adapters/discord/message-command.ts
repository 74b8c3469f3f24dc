import { InteractionResponseType } from "discord-interactions";
import { z } from "zod";
import { handleMessageAction } from "../../core/actions/message-action.ts";
import type { TargetMessage } from "../../core/actions/message-types.ts";
import type { CoreDeps } from "../../core/handle-command.ts";
import { translator } from "../../core/i18n/index.ts";
import type { PlatformDirectory } from "../../core/membership/directory.ts";
import { DISCORD_SYNTAX } from "./commands.ts";
import { DISCORD_MESSAGE_COMMANDS } from "./message-command-names.ts";
import { discordAuthority, discordContact, localeFrom } from "./parse.ts";
import type { DiscordInteraction } from "./payloads.ts";
import { EPHEMERAL, renderDiscordMessage } from "./render.ts";
import { renderDiscordModal } from "./render-form.ts";
import { DISCORD_TRAITS } from "./traits.ts";

const snowflake = z.string().regex(/^\d{1,20}$/);
/** `data` of a message command: the target message as Discord resolved it (content as it is now). */
const messageCommandData = z.looseObject({
  name: z.string().max(32),
  type: z.literal(3),
  target_id: snowflake,
  resolved: z.looseObject({
    messages: z.record(
      z.string(),
      z.looseObject({
        id: snowflake,
        channel_id: snowflake,
        content: z.string().max(4000).default(""),
        author: z.looseObject({
          id: snowflake,
          username: z.string().max(64).optional(),
          global_name: z.string().max(64).nullish(),
          bot: z.boolean().optional(),
        }),
        webhook_id: snowflake.optional(),
      }),
    ),
  }),
});

/** Whether an application command is a message command (type 3) rather than `/cop` or `/copmod`. */
export const isMessageCommand = (interaction: DiscordInteraction) =>
  (interaction.data as { type?: number } | undefined)?.type === 3;

/**
 * A message command ("Report to moderators"): the message as Discord resolved it, to core's
 * message action; answered with its form (a type-9 modal) or a private reply. Servers only.
 */
export async function onMessageCommand(
  interaction: DiscordInteraction,
  core: CoreDeps,
  directory: PlatformDirectory | undefined,
): Promise<object> {
  const data = messageCommandData.safeParse(interaction.data);
  const guildId = interaction.guild_id;
  const message = data.success ? data.data.resolved.messages[data.data.target_id] : undefined;
  if (!data.success || !guildId || !message)
    return reply({
      content: translator(localeFrom(interaction.locale))("error.guild_only"),
      flags: EPHEMERAL,
    });
  const author = message.author;
  const target: TargetMessage = {
    channelId: message.channel_id,
    messageId: message.id,
    text: message.content,
    authorId: author.id,
    authorName: author.global_name ?? author.username ?? null,
    // A webhook's message has a made-up author: treat it as an app's.
    authorIsBot:
      author.bot === true || message.webhook_id !== undefined || author.id === interaction.application_id,
    link: `https://discord.com/channels/${guildId}/${message.channel_id}/${message.id}`,
  };
  const response = await handleMessageAction(core, {
    contact: discordContact({ ...interaction, guild_id: guildId }),
    traits: DISCORD_TRAITS,
    syntax: DISCORD_SYNTAX,
    action: DISCORD_MESSAGE_COMMANDS[data.data.name] ?? "",
    target,
    ingressKey: `discord:interaction:${interaction.id}`,
    authority: (community) => discordAuthority(interaction, community),
    directory,
  });
  if (response.kind === "form") return renderDiscordModal(response.form);
  return reply(renderDiscordMessage(response.message));
}

function reply(data: object) {
  return { type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data };
}
