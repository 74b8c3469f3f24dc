import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { buildStandinsApp } from "./app.ts";
import { type StandinConfig, StandinState } from "./state.ts";

export { DISCORD_DMS_CLOSED_USER } from "./discord.ts";
export { SEEDED_USERS } from "./slack-data.ts";
export type { Fault, RecordedCall, StandinConfig } from "./state.ts";
export { StandinState } from "./state.ts";

/**
 * Builds the stand-ins (a web-standard Hono app and its state). Missing tokens come from the
 * environment (`SLACK_BOT_TOKEN`, `DISCORD_BOT_TOKEN`, `DISCORD_APPLICATION_ID`), then from the
 * test defaults.
 */
export function createStandins(config: Partial<StandinConfig> = {}): { app: Hono; state: StandinState } {
  const env = process.env;
  const state = new StandinState({
    ...config,
    slackTokens: config.slackTokens ?? (env.SLACK_BOT_TOKEN ? [env.SLACK_BOT_TOKEN] : undefined),
    discordBotToken: config.discordBotToken ?? env.DISCORD_BOT_TOKEN,
    discordApplicationId: config.discordApplicationId ?? env.DISCORD_APPLICATION_ID,
  });
  return { app: buildStandinsApp(state), state };
}

export interface StartOptions {
  /** 0 picks a free port; the resolved one is in the returned `url`. Default 8788. */
  port?: number;
  /** Default 127.0.0.1: the control routes have no auth, so never listen beyond localhost. */
  host?: string;
  config?: Partial<StandinConfig>;
}

export interface RunningStandins {
  url: string;
  state: StandinState;
  close(): Promise<void>;
}

/** Serves the stand-ins with @hono/node-server; resolves once listening, rejects if the port is taken. */
export function startStandins(options: StartOptions = {}): Promise<RunningStandins> {
  const host = options.host ?? "127.0.0.1";
  const { app, state } = createStandins(options.config);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 8788, hostname: host },
      (info: AddressInfo) => {
        server.off("error", reject);
        resolve({
          url: `http://${host}:${info.port}`,
          state,
          close: () =>
            new Promise<void>((done, fail) => {
              // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
              if ("closeAllConnections" in server) server.closeAllConnections();
              server.close((err) => (err ? fail(err) : done()));
            }),
        });
      },
    );
    server.once("error", reject);
  });
}

/** Stand-in config from dev vars; unset values fall back to the environment, then test defaults. */
export function configFromVars(vars: Record<string, string>): Partial<StandinConfig> {
  return {
    slackTokens: vars.SLACK_BOT_TOKEN ? [vars.SLACK_BOT_TOKEN] : undefined,
    discordBotToken: vars.DISCORD_BOT_TOKEN,
    discordApplicationId: vars.DISCORD_APPLICATION_ID,
  };
}

/** The routes, for banners. */
export function describeRoutes(url: string): string {
  return [
    `  Slack Web API   POST ${url}/slack/api/{auth.test,users.info,chat.postMessage,chat.postEphemeral,conversations.open}`,
    `  response_url    POST ${url}/slack/response/<id>`,
    `  Discord REST    ${url}/discord/api/v10`,
    "                  PUT  /applications/:app/commands, /applications/:app/guilds/:guild/commands",
    "                  POST /channels/:id/messages, /users/@me/channels",
    "                  POST /webhooks/:app/:token, PATCH /webhooks/:app/:token/messages/@original",
    `  control         GET ${url}/__sent?platform=slack|discord  POST ${url}/__reset  POST ${url}/__faults  GET ${url}/healthz`,
  ].join("\n");
}
