import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { SEEDED_DISCORD_USERS } from "../lib/discord-options.ts";
import { buildStandinsApp } from "./app.ts";
import { type StandinConfig, StandinState } from "./state.ts";

export { DISCORD_DMS_CLOSED_USER } from "./access.ts";
export type { LimitSpec, StandinConfig } from "./config.ts";
export { DEFAULT_DISCORD_LIMITS, DEFAULT_SLACK_LIMITS, effectiveLimits } from "./config.ts";
export type { Fault } from "./faults.ts";
export { SEEDED_USERS } from "./slack-data.ts";
export type { RecordedCall } from "./state.ts";
export { StandinState } from "./state.ts";
export type { StatsSnapshot } from "./stats.ts";

export interface StandinOptions {
  /** Called with one readable line per message accepted (transcript.ts); `npm start` prints them. */
  transcript?: (line: string) => void;
}

/**
 * Builds the stand-ins (a web-standard Hono app and its state). Missing tokens come from the
 * environment (`SLACK_BOT_TOKEN`, `DISCORD_BOT_TOKEN`, `DISCORD_APPLICATION_ID`), then from the
 * test defaults.
 */
export function createStandins(
  config: Partial<StandinConfig> = {},
  options: StandinOptions = {},
): { app: Hono; state: StandinState } {
  const env = process.env;
  const resolved: Partial<StandinConfig> = {
    ...config,
    slackTokens: config.slackTokens ?? (env.SLACK_BOT_TOKEN ? [env.SLACK_BOT_TOKEN] : undefined),
    slackClientId: config.slackClientId ?? env.SLACK_CLIENT_ID,
    slackClientSecret: config.slackClientSecret ?? env.SLACK_CLIENT_SECRET,
    discordBotToken: config.discordBotToken ?? env.DISCORD_BOT_TOKEN,
    discordApplicationId: config.discordApplicationId ?? env.DISCORD_APPLICATION_ID,
  };
  const state = new StandinState(resolved);
  state.transcript = options.transcript;
  // Namespaces (`/ns/<name>/…`) start from the same config, without the transcript.
  return { app: buildStandinsApp(state, () => new StandinState(resolved)), state };
}

export interface StartOptions extends StandinOptions {
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
  const { app, state } = createStandins(options.config, { transcript: options.transcript });
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
    slackClientId: vars.SLACK_CLIENT_ID,
    slackClientSecret: vars.SLACK_CLIENT_SECRET,
    discordBotToken: vars.DISCORD_BOT_TOKEN,
    discordApplicationId: vars.DISCORD_APPLICATION_ID,
    // The Worker's token and bot name from .dev.vars, so `npm start` talks to the stand-in as to Telegram.
    telegramBotToken: vars.TELEGRAM_BOT_TOKEN,
    telegramBotUsername: vars.TELEGRAM_BOT_USERNAME,
    // The signing CLI's users (`npm run sign -- discord …`) are members of the local server.
    discordExtraMembers: Object.entries(SEEDED_DISCORD_USERS).map(([username, id]) => ({ id, username })),
  };
}

/** The routes, for banners. */
export function describeRoutes(url: string): string {
  return [
    `  Slack Web API   GET|POST ${url}/slack/api/<method>`,
    "                  auth.test users.info users.list chat.postMessage chat.update chat.postEphemeral",
    "                  conversations.open conversations.history conversations.members",
    `  Slack install   GET ${url}/slack/oauth/v2/authorize (Allow/Cancel), oauth.v2.access`,
    `  response_url    POST ${url}/slack/response/<id>`,
    `  Discord REST    ${url}/discord/api/v10`,
    "                  PUT|GET /applications/:app/commands, /applications/:app/guilds/:guild/commands",
    "                  POST|GET /channels/:id/messages  PATCH /channels/:id/messages/:message",
    "                  POST /users/@me/channels  GET /guilds/:guild/members",
    "                  POST /webhooks/:app/:token, PATCH /webhooks/:app/:token/messages/@original",
    `  Telegram        POST ${url}/telegram/bot<token>/<method>`,
    "                  getMe sendMessage editMessageText answerCallbackQuery getChatAdministrators",
    "                  getChatMember setWebhook setMyCommands",
    `  control         ${url}  GET /__sent?platform=slack|discord&method=…  POST /__reset  GET /healthz`,
    "                  GET|POST /__config  GET /__limits  GET /__stats  GET|POST /__faults",
    "                  POST /__undeliverable  POST /__lost  POST /__found",
  ].join("\n");
}
