import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { parseTypedText } from "../../core/commands/typed-memo.ts";
import { CommandError } from "../../core/errors.ts";
import { handleCommand } from "../../core/handle-command.ts";
import type { Message } from "../../core/message.ts";
import { withinDeadline } from "../deadline.ts";
import { sharedRender } from "../shared-render.ts";
import { slackCommandPlace } from "./command-place.ts";
import { slackCommandRoots } from "./command-roots.ts";
import { createSlackLookups } from "./directory.ts";
import { openModal } from "./interactions.ts";
import { COMMAND_TEXT_MAX } from "./payloads.ts";
import { renderSlackReply as render } from "./render.ts";
import type { SlackRequestContext } from "./request-context.ts";
import { SLACK_TRAITS } from "./traits.ts";

/** A shared (frozen) message, such as a cached help page, is rendered once per isolate. */
const renderShared = sharedRender((message: Message) => render(message));

/**
 * What answering a slash command needs: the arguments Bolt hands a command listener, or the same
 * built by the direct path (`SlackApp.command`) for a command that skips Bolt's dispatch.
 */
export interface SlashCommandArgs {
  readonly command: SlashCommand;
  readonly ack: (reply?: object) => Promise<void>;
  readonly respond: RespondFn;
  readonly client: WebClient;
  readonly context: Readonly<Record<string, unknown>>;
}

/** Answers a slash command: core's answer in the ack, a form as a modal, a slow one via response_url. */
export async function onCommand({ command, ack, respond, client, context }: SlashCommandArgs): Promise<void> {
  const request = context.guyub as SlackRequestContext;
  // A reply's message links (a search's records) are written with the workspace's subdomain. A
  // shared message is the same for every workspace, so it never holds one.
  const links = { domain: command.team_domain ?? null };
  const renderSlackReply = (message: Message) =>
    Object.isFrozen(message) ? renderShared(message) : render(message, links);
  // One users.info for both questions a command may ask (admin? which zone?), and only when asked.
  let info: ReturnType<typeof client.users.info> | undefined;
  const userInfo = () => {
    info ??= client.users.info({ user: command.user_id });
    return info;
  };
  // `/cop` or `/copmod` (both at the same request URL): which root the words are read under.
  const { root, syntax } = slackCommandRoots(command.command);
  const work = handleCommand(request.core, {
    traits: SLACK_TRAITS,
    contact: {
      platform: SLACK_TRAITS.id,
      workspaceId: command.team_id,
      workspaceName: command.team_domain ?? null,
      userId: command.user_id,
      displayName: command.user_name ?? null,
      initialLocale: "en",
    },
    syntax,
    authority: () => ({
      kind: "lookup",
      lookup: async () => {
        const answer = await userInfo();
        return Boolean(answer.user?.is_admin || answer.user?.is_owner);
      },
    }),
    parse: (registry) => {
      if (command.text.length > COMMAND_TEXT_MAX)
        throw new CommandError("too_long", { limit: COMMAND_TEXT_MAX });
      // One release of compatibility: `/cop` still takes moderator words, answering as `/copmod`.
      return parseTypedText(registry, SLACK_TRAITS, command.text, {
        root,
        memberRootTakesModeratorWords: true,
      });
    },
    // Slack does not retry commands, but a signed request can be replayed for five minutes.
    ingressKey: command.trigger_id ? `slack:${command.team_id}:trigger:${command.trigger_id}` : undefined,
    place: slackCommandPlace(client, command.channel_id),
    directory: createSlackLookups(client),
    actorTimezone: async () => (await userInfo()).user?.tz ?? null,
  });
  const early = await withinDeadline(work, request.replyDeadlineMs);
  if (early.done && early.value.form && command.trigger_id) {
    // A form opens on the command's trigger_id, which lives 3 s: ack first, then open it.
    await ack();
    const opened = await openModal(client, command.trigger_id, early.value.form);
    if (!opened) await respond(renderSlackReply(early.value.message));
    return;
  }
  if (early.done) {
    await ack(renderSlackReply(early.value.message));
    return;
  }
  // Slow (a platform look-up is lagging): ack now, answer through response_url when ready.
  await ack();
  await respond(renderSlackReply((await work).message));
}
