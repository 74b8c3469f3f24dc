import { type AllMiddlewareArgs, App, LogLevel, type SlackCommandMiddlewareArgs } from "@slack/bolt";
import { recordAccessLost } from "../../core/access.ts";
import { parseCommandText } from "../../core/commands/parse-text.ts";
import { CommandError } from "../../core/errors.ts";
import { type CoreDeps, handleCommand } from "../../core/handle-command.ts";
import { credentialId } from "../credential.ts";
import { withinDeadline } from "../deadline.ts";
import { registerActivityEvents } from "./activity-events.ts";
import { slackClientOptions } from "./client.ts";
import { slackCommandPlace } from "./command-place.ts";
import { slackCommandRoots } from "./command-roots.ts";
import { createSlackLookups } from "./directory.ts";
import { openModal, registerInteractions } from "./interactions.ts";
import { registerMembershipEvents } from "./membership-events.ts";
import { COMMAND_TEXT_MAX } from "./payloads.ts";
import { WorkersReceiver } from "./receiver.ts";
import { renderSlackReply } from "./render.ts";

/** What each request hands to Bolt listeners through `customProperties`. */
export interface SlackRequestContext {
  readonly core: CoreDeps;
  /** How long to wait for the answer before acking and replying via response_url. */
  readonly replyDeadlineMs: number;
}

export interface SlackAppConfig {
  /** The bot token of the workspace a request comes from (null: not installed there). */
  readonly tokenFor: (workspaceId: string) => Promise<string | null>;
  /** Forgets the workspace's installation (uninstalled, tokens revoked): nothing is sent there. */
  readonly revoke: (workspaceId: string) => Promise<void>;
  readonly apiUrl: string;
}

export interface SlackApp {
  readonly bolt: App;
  readonly receiver: WorkersReceiver;
}

/**
 * Builds the Bolt app with guyub's listeners. Built once per isolate and configuration.
 * `ignoreSelf` is off because it needs the bot's ids, which cost an `auth.test` call per
 * request without an installation store; slash commands never come from the bot itself.
 */
export function createSlackApp(config: SlackAppConfig): SlackApp {
  const receiver = new WorkersReceiver();
  const bolt = new App({
    receiver,
    authorize: async (source) => ({
      botToken: (source.teamId ? await config.tokenFor(source.teamId) : null) ?? undefined,
      teamId: source.teamId,
    }),
    ignoreSelf: false,
    clientOptions: slackClientOptions(config.apiUrl),
    logLevel: LogLevel.ERROR,
  });
  // Any command name: the manifest registers `/cop`, but a staging app may call it `/cop-dev`.
  bolt.command(/.*/, onCommand);
  registerInteractions(bolt);
  registerMembershipEvents(bolt);
  registerActivityEvents(bolt);
  for (const type of ["app_uninstalled", "tokens_revoked"] as const) {
    bolt.event(type, async ({ body, event, context }) => {
      // tokens_revoked names the user and bot tokens revoked; only the bot's ends guyub's access.
      if (type === "tokens_revoked" && !(event as { tokens?: { bot?: unknown[] } }).tokens?.bot?.length)
        return;
      const request = context.guyub as SlackRequestContext;
      // The token in force now: a later install brings another one, which clears the block.
      const token = await config.tokenFor(body.team_id);
      await config.revoke(body.team_id);
      await recordAccessLost(request.core, {
        platform: "slack",
        workspaceId: body.team_id,
        reason: type,
        ingressKey: `slack:${body.team_id}:event:${body.event_id}`,
        credential: token ? await credentialId(token) : null,
      });
    });
  }
  return { bolt, receiver };
}

async function onCommand({
  command,
  ack,
  respond,
  client,
  context,
}: SlackCommandMiddlewareArgs & AllMiddlewareArgs) {
  const request = context.guyub as SlackRequestContext;
  // One users.info for both questions a command may ask (admin? which zone?), and only when asked.
  let info: ReturnType<typeof client.users.info> | undefined;
  const userInfo = () => {
    info ??= client.users.info({ user: command.user_id });
    return info;
  };
  // `/cop` or `/copmod` (both at the same request URL): which root the words are read under.
  const { root, syntax } = slackCommandRoots(command.command);
  const work = handleCommand(request.core, {
    contact: {
      platform: "slack",
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
      return parseCommandText(registry, "slack", command.text, { root, memberRootTakesModeratorWords: true });
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
