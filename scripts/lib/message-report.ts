import { freshTriggerId } from "./slack-command.ts";

/** What both builders need: the message reported and who reports it. */
export interface ReportedMessage {
  readonly text: string;
  readonly authorId: string;
  /** The author is a bot (Slack: the message has a `bot_id`; Discord: `author.bot`). */
  readonly bot?: boolean;
  readonly channelId: string;
  /** Slack `ts` or Discord message id. */
  readonly messageId: string;
  readonly reporterId: string;
}

/**
 * A Slack message shortcut (`message_action`, callback_id `report_message`) as Slack posts it to
 * the interactivity URL, in the form field `payload`: the whole message, `trigger_id` for the
 * modal, `response_url` for a reply (https://api.slack.com/reference/interaction-payloads/shortcuts).
 */
export function slackMessageShortcut(
  m: ReportedMessage,
  o: { team: string; domain: string; responseUrl: string },
) {
  const message = m.bot
    ? { type: "message", subtype: "bot_message", bot_id: "B0BOT", text: m.text, ts: m.messageId }
    : { type: "message", user: m.authorId, text: m.text, ts: m.messageId, team: o.team };
  return {
    type: "message_action",
    token: "legacy-verification-token",
    action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    team: { id: o.team, domain: o.domain },
    user: { id: m.reporterId, name: "ayu", username: "ayu", team_id: o.team },
    channel: { id: m.channelId, name: "general" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: "report_message",
    trigger_id: freshTriggerId(),
    response_url: o.responseUrl,
    message_ts: m.messageId,
    message,
  };
}

/**
 * A Discord message command (interaction type 2, `data.type` 3) as Discord sends it: the target in
 * `data.target_id`, the message itself in `data.resolved.messages`.
 */
export function discordMessageCommand(
  m: ReportedMessage,
  o: { id: string; applicationId: string; guildId: string; commandId: string; locale: string },
) {
  const user = { id: m.reporterId, username: "ayu", global_name: "Ayu", discriminator: "0", avatar: null };
  return {
    id: o.id,
    type: 2,
    application_id: o.applicationId,
    token: "interaction-token",
    version: 1,
    guild_id: o.guildId,
    channel_id: m.channelId,
    guild_locale: o.locale,
    locale: o.locale,
    member: { user, permissions: "0", roles: [], nick: null },
    data: {
      id: o.commandId,
      name: "Report to moderators",
      type: 3,
      guild_id: o.guildId,
      target_id: m.messageId,
      resolved: {
        messages: {
          [m.messageId]: {
            id: m.messageId,
            channel_id: m.channelId,
            type: 0,
            content: m.text,
            author: {
              id: m.authorId,
              username: "budi",
              global_name: "Budi",
              discriminator: "0",
              avatar: null,
              ...(m.bot ? { bot: true } : {}),
            },
            attachments: [],
            embeds: [],
            mentions: [],
            mention_roles: [],
            pinned: false,
            mention_everyone: false,
            tts: false,
            timestamp: new Date().toISOString(),
            edited_timestamp: null,
            flags: 0,
            components: [],
          },
        },
      },
    },
  };
}
