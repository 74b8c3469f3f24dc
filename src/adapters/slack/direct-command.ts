import { type App, RespondError, type RespondFn, type SlashCommand } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlashCommandArgs } from "./command.ts";
import type { SlashCommandPayload } from "./payloads.ts";
import { answer, type DispatchOptions } from "./receiver.ts";

export interface DirectCommandConfig {
  readonly bolt: App;
  /** The options Bolt's own clients are built from (Bolt has completed them with its logger). */
  readonly clientOptions: WebClientOptions;
  readonly tokenFor: (workspaceId: string) => Promise<string | null>;
  readonly listener: (args: SlashCommandArgs) => Promise<void>;
}

/**
 * A slash command without Bolt's dispatch. Bolt, for a command, only authorizes (the workspace's
 * token), picks the token's client, builds `respond` on `response_url`, and runs the one command
 * listener guyub registers; its middleware chain, listener matching and per-request closures
 * cost more than the answer itself. This does those steps the same way (same token look-up on
 * every command, same client per workspace and token, same `response_url` POST, same ack and
 * empty-200 fallback) and calls the same listener, so the answer is byte for byte Bolt's
 * (test/hot-path-work.test.ts compares the two).
 */
export function directCommand(
  config: DirectCommandConfig,
): (body: SlashCommandPayload, options: DispatchOptions) => Promise<Response> {
  // As Bolt's per-team client pool: one WebClient per workspace and token, with `teamId` set.
  const clients = new Map<string, WebClient>();
  const clientFor = (teamId: string, token: string): WebClient => {
    const key = `${teamId}\n${token}`;
    let client = clients.get(key);
    if (!client) {
      client = new WebClient(token, { ...config.clientOptions, teamId });
      clients.set(key, client);
    }
    return client;
  };
  const fetchFn = config.clientOptions.fetch ?? globalThis.fetch;
  return (body, options) =>
    answer(async (ack) => {
      // Bolt's authorize step (a throw here ends in the same empty 200 as in Bolt).
      const token = await config.tokenFor(body.team_id);
      await config.listener({
        command: body as SlashCommand,
        ack,
        respond: respondTo(fetchFn, body.response_url),
        // Not installed: Bolt hands the app's own tokenless client.
        client: token ? clientFor(body.team_id, token) : config.bolt.client,
        context: { ...options.customProperties },
      });
    }, options.waitUntil);
}

/** Bolt's `respond`: the message as JSON to `response_url`; a refusal is an error. */
function respondTo(fetchFn: NonNullable<WebClientOptions["fetch"]>, url: string): RespondFn {
  return async (message) => {
    const normalized = typeof message === "string" ? { text: message } : message;
    const response = await fetchFn(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(normalized),
    });
    if (!response.ok)
      throw new RespondError(
        `Failed to respond to the response_url: ${response.status} ${response.statusText}`,
        response.status,
      );
    return response;
  };
}
