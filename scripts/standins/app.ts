import { Hono } from "hono";
import { addControlRoutes } from "./control.ts";
import { createDiscordStandin, DISCORD_BASE } from "./discord.ts";
import { createSlackStandin } from "./slack.ts";
import type { StandinState } from "./state.ts";

/**
 * The whole stand-in server as one web-standard Hono app: Slack at `/slack`, Discord at
 * `/discord/api/v10`, and unauthenticated control routes for local development and tests
 * (control.ts: `/__sent`, `/__reset`, `/__config`, `/__limits`, `/__stats`, `/__faults`,
 * `/__undeliverable`, `/__lost`, `/healthz`). Bind it to localhost only.
 */
export function buildStandinsApp(state: StandinState): Hono {
  const app = new Hono();
  app.route("/slack", createSlackStandin(state));
  app.route(DISCORD_BASE, createDiscordStandin(state));
  addControlRoutes(app, state);
  app.notFound((c) => c.json({ ok: false, error: "no such stand-in route", path: c.req.path }, 404));
  return app;
}
