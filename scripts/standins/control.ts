/**
 * Unauthenticated control routes for local development and tests: what was sent, resets, runtime
 * config and limits, injected faults, undeliverable DMs, lost access and answer counts. The server
 * binds to localhost only, so no auth. Request shapes: control-schemas.ts.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { markFound, markLost, markUndeliverable } from "./access.ts";
import { effectiveLimits, type StandinConfig } from "./config.ts";
import {
  ConfigInput,
  FaultInput,
  LostInput,
  UndeliverableInput,
  UserInput,
  UserZoneInput,
} from "./control-schemas.ts";
import type { StandinState } from "./state.ts";

/** The live config without the tokens: tests have no use for them and logs should not carry them. */
function publicConfig(config: StandinConfig) {
  const { slackTokens: _s, discordBotToken: _d, slackClientSecret: _c, ...rest } = config;
  return rest;
}

/** Parses a JSON body with a schema; a 400 with zod's readable message when it does not fit. */
async function parse<T extends z.ZodType>(
  req: Request,
  schema: T,
): Promise<{ data: z.output<T> } | { error: Response }> {
  const parsed = schema.safeParse(await req.json().catch(() => null));
  if (parsed.success) return { data: parsed.data };
  const body = JSON.stringify({ ok: false, error: z.prettifyError(parsed.error) });
  return { error: new Response(body, { status: 400, headers: { "content-type": "application/json" } }) };
}

export function addControlRoutes(app: Hono, state: StandinState): void {
  app.get("/healthz", (c) => c.json({ ok: true }));

  // Recorded accepted calls, oldest first; optional filters by platform and method (exact).
  app.get("/__sent", (c) => {
    const platform = c.req.query("platform");
    const method = c.req.query("method");
    const calls = state.calls.filter(
      (call) => (!platform || call.platform === platform) && (!method || call.method === method),
    );
    return c.json(calls);
  });

  // Everything back to start-up: records, windows, faults, marks, stats and the config.
  app.post("/__reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });

  app.get("/__config", (c) => c.json(publicConfig(state.config)));
  app.post("/__config", async (c) => {
    const input = await parse(c.req.raw, ConfigInput);
    if ("error" in input) return input.error;
    state.configure(input.data);
    return c.json({ ok: true, config: publicConfig(state.config), limits: effectiveLimits(state.config) });
  });

  // The limit table after time scaling: what a pacer should plan with.
  app.get("/__limits", (c) => c.json(effectiveLimits(state.config)));

  app.get("/__stats", (c) => c.json(state.stats.snapshot()));

  app.get("/__faults", (c) => c.json(state.faults));
  app.post("/__faults", async (c) => {
    const input = await parse(c.req.raw, FaultInput);
    if ("error" in input) return input.error;
    state.faults.push(input.data);
    return c.json({ ok: true, pending: state.faults.length });
  });

  app.post("/__undeliverable", async (c) => {
    const input = await parse(c.req.raw, UndeliverableInput);
    if ("error" in input) return input.error;
    const { platform, userId } = input.data;
    const error = platform === "slack" ? (input.data.error ?? "user_not_found") : "50007";
    markUndeliverable(state, platform, userId, error);
    return c.json({ ok: true, platform, userId, error });
  });

  // Slack users.info and Discord's guild member then say: no such user here, or a bot; or (Slack)
  // a plain member, no longer admin or owner.
  app.post("/__users", async (c) => {
    const input = await parse(c.req.raw, UserInput);
    if ("error" in input) return input.error;
    const { platform, userId, kind } = input.data;
    state.userMarks.set(`${platform}:${userId}`, kind);
    return c.json({ ok: true, ...input.data });
  });

  // Slack users.info then gives this user's own zone in `tz` (a member abroad, a Makassar teacher).
  app.post("/__users/tz", async (c) => {
    const input = await parse(c.req.raw, UserZoneInput);
    if ("error" in input) return input.error;
    state.userZones.set(input.data.userId, input.data.tz);
    return c.json({ ok: true, ...input.data });
  });

  app.post("/__lost", async (c) => {
    const input = await parse(c.req.raw, LostInput);
    if ("error" in input) return input.error;
    const { platform, target, id, kind } = input.data;
    markLost(state, platform, target, id, kind);
    return c.json({ ok: true, ...input.data });
  });

  // The bot gets it back (invited again, reinstalled): calls there succeed again. Same shape as
  // /__lost; `kind` is ignored.
  app.post("/__found", async (c) => {
    const input = await parse(c.req.raw, LostInput);
    if ("error" in input) return input.error;
    const { platform, target, id } = input.data;
    markFound(state, platform, target, id);
    return c.json({ ok: true, platform, target, id });
  });
}
