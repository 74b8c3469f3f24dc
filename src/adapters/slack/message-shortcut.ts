import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { handleMessageAction } from "../../core/actions/message-action.ts";
import type { TargetMessage } from "../../core/actions/message-types.ts";
import { SLACK_SYNTAX } from "./command-roots.ts";
import { createSlackLookups } from "./directory.ts";
import { openModal } from "./interactions.ts";
import { renderSlackReply } from "./render.ts";
import type { SlackRequestContext } from "./request-context.ts";
import { MESSAGE_SHORTCUTS } from "./shortcuts.ts";
import { SLACK_TRAITS } from "./traits.ts";

/** Message shortcuts (`message_action`): the message as Slack sent it, to core's message actions. */
export function registerMessageShortcuts(bolt: App): void {
  for (const callbackId of Object.keys(MESSAGE_SHORTCUTS))
    bolt.shortcut({ type: "message_action", callback_id: callbackId }, onMessageShortcut);
}

/**
 * The message as it was when the shortcut was used. A message with a `bot_id` (or no `user`) is a
 * bot's or an app's, guyub's own included; the link is the workspace's archive permalink form.
 */
export function targetOf(body: MessageShortcut): TargetMessage {
  const message = body.message as MessageShortcut["message"] & { bot_id?: string; subtype?: string };
  const author = message.user ?? null;
  const domain = body.team?.domain;
  return {
    channelId: body.channel.id,
    messageId: message.ts,
    text: message.text ?? "",
    authorId: author,
    authorName: null,
    authorIsBot: author === null || Boolean(message.bot_id) || message.subtype === "bot_message",
    link: domain
      ? `https://${domain}.slack.com/archives/${body.channel.id}/p${message.ts.replace(".", "")}`
      : null,
  };
}

async function onMessageShortcut({
  ack,
  body,
  respond,
  client,
  context,
}: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) {
  // Acknowledge at once: the form opens with views.open, a refusal goes to the response_url.
  await ack();
  const request = context.guyub as SlackRequestContext;
  const team = body.team?.id ?? body.user.team_id ?? "";
  const response = await handleMessageAction(request.core, {
    contact: {
      platform: SLACK_TRAITS.id,
      workspaceId: team,
      workspaceName: body.team?.domain ?? null,
      userId: body.user.id,
      displayName: body.user.name ?? null,
      initialLocale: "en",
    },
    traits: SLACK_TRAITS,
    syntax: SLACK_SYNTAX,
    action: MESSAGE_SHORTCUTS[body.callback_id] ?? "",
    target: targetOf(body),
    ingressKey: `slack:${team}:trigger:${body.trigger_id}`,
    authority: authority(client, body.user.id),
    directory: createSlackLookups(client),
  });
  if (response.kind === "form") {
    if (!(await openModal(client, body.trigger_id, response.form)))
      await respond({ ...renderSlackReply(response.fallback), replace_original: false });
    return;
  }
  await respond({ ...renderSlackReply(response.message), replace_original: false });
}

function authority(client: WebClient, userId: string) {
  return () => ({
    kind: "lookup" as const,
    lookup: async () => {
      const answer = await client.users.info({ user: userId });
      return Boolean(answer.user?.is_admin || answer.user?.is_owner);
    },
  });
}
