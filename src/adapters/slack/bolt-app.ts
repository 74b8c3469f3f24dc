import { App, LogLevel } from "@slack/bolt";
import { recordAccessLost } from "../../core/access.ts";
import { credentialId } from "../credential.ts";
import { registerActivityEvents } from "./activity-events.ts";
import { slackClientOptions } from "./client.ts";
import { onCommand } from "./command.ts";
import { directCommand } from "./direct-command.ts";
import { registerInteractions } from "./interactions.ts";
import { registerMembershipEvents } from "./membership-events.ts";
import { registerMessageShortcuts } from "./message-shortcut.ts";
import type { SlashCommandPayload } from "./payloads.ts";
import { type DispatchOptions, WorkersReceiver } from "./receiver.ts";
import type { SlackRequestContext } from "./request-context.ts";

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
  /**
   * A verified slash command answered by the listener Bolt would call, with the arguments Bolt
   * would build, but without Bolt's dispatch (direct-command.ts).
   */
  readonly command: (body: SlashCommandPayload, options: DispatchOptions) => Promise<Response>;
}

/**
 * Builds the Bolt app with guyub's listeners. Built once per isolate and configuration.
 * `ignoreSelf` is off because it needs the bot's ids, which cost an `auth.test` call per
 * request without an installation store; slash commands never come from the bot itself.
 */
export function createSlackApp(config: SlackAppConfig): SlackApp {
  const receiver = new WorkersReceiver();
  // Bolt completes these (logger, log level); the direct command path builds its clients from them.
  const clientOptions = slackClientOptions(config.apiUrl);
  const bolt = new App({
    receiver,
    authorize: async (source) => ({
      botToken: (source.teamId ? await config.tokenFor(source.teamId) : null) ?? undefined,
      teamId: source.teamId,
    }),
    ignoreSelf: false,
    // Bolt's default conversation store rejects with a new Error (a stack trace) on every request
    // whose conversation it has not seen; guyub keeps no state in it (it has D1).
    convoStore: false,
    clientOptions,
    logLevel: LogLevel.ERROR,
  });
  // Any command name: the manifest registers `/cop`, but a staging app may call it `/cop-dev`.
  bolt.command(/.*/, onCommand);
  registerInteractions(bolt);
  registerMessageShortcuts(bolt);
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
  return {
    bolt,
    receiver,
    command: directCommand({ bolt, clientOptions, tokenFor: config.tokenFor, listener: onCommand }),
  };
}
