import { type Context, Hono } from "hono";
import { addControlRoutes } from "./control.ts";
import { createDiscordStandin, DISCORD_BASE } from "./discord.ts";
import { addWorldControlRoutes } from "./discord-lookups.ts";
import { addDiscordSeedRoutes } from "./discord-seed.ts";
import { createSlackStandin } from "./slack.ts";
import type { StandinState } from "./state.ts";
import { createTelegramStandin, TELEGRAM_BASE } from "./telegram.ts";
import { addTelegramControlRoutes } from "./telegram-control.ts";

/**
 * The whole stand-in server as one web-standard Hono app: Slack at `/slack`, Discord at
 * `/discord/api/v10`, Telegram at `/telegram/bot<token>/<method>`, and unauthenticated control routes for local development and tests
 * (control.ts: `/__sent`, `/__reset`, `/__config`, `/__limits`, `/__stats`, `/__faults`,
 * `/__undeliverable`, `/__lost`, `/__found`, `/__users`, `/__users/tz`, `/healthz`; the Discord world:
 * `/__discord/channels`, `/__discord/guilds`). Bind it to localhost only.
 */
export function buildStandinsApp(state: StandinState, spawn?: () => StandinState): Hono {
  const app = new Hono();
  if (spawn) app.all("/ns/:ns/*", namespaces(spawn));
  app.route("/slack", createSlackStandin(state));
  app.route(DISCORD_BASE, createDiscordStandin(state));
  app.route(TELEGRAM_BASE, createTelegramStandin(state));
  addControlRoutes(app, state);
  addDiscordSeedRoutes(app, state);
  addWorldControlRoutes(app, state);
  addTelegramControlRoutes(app, state);
  app.notFound((c) => c.json({ ok: false, error: "no such stand-in route", path: c.req.path }, 404));
  return app;
}

/** At most this many namespaces are kept; the oldest goes first. */
const MAX_NAMESPACES = 200;

/**
 * `/ns/<name>/…` is a whole separate stand-in (records, limits, faults, config) under a name of
 * the caller's choosing. Test files run in parallel against one server: each takes its own
 * namespace, so one file's reset or fault never lands in another's test.
 */
/** The path prefix a namespaced request came under, for URLs the stand-in hands out. */
export const PREFIX_HEADER = "x-standin-prefix";

function namespaces(spawn: () => StandinState) {
  const spaces = new Map<string, Hono>();
  return (c: Context) => {
    const name = c.req.param("ns") ?? "";
    let sub = spaces.get(name);
    if (!sub) {
      if (spaces.size >= MAX_NAMESPACES) spaces.delete(spaces.keys().next().value as string);
      sub = buildStandinsApp(spawn());
      spaces.set(name, sub);
    }
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`/ns/${name}`.length) || "/";
    const forwarded = new Request(url, c.req.raw);
    // URLs a stand-in hands out (Slack's upload_url) must lead back through the namespace.
    forwarded.headers.set(PREFIX_HEADER, `/ns/${name}`);
    return sub.fetch(forwarded);
  };
}
