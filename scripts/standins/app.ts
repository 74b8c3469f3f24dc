import { Hono } from "hono";
import { z } from "zod";
import { createDiscordStandin, DISCORD_BASE } from "./discord.ts";
import { createSlackStandin } from "./slack.ts";
import type { StandinState } from "./state.ts";

const FaultInput = z.object({
  platform: z.enum(["slack", "discord"]),
  match: z.string(),
  status: z.number().int().min(200).max(599),
  count: z.number().int().min(1).default(1),
  body: z.unknown().optional(),
  retryAfter: z.number().positive().optional(),
});

/**
 * The whole stand-in server as one web-standard Hono app: Slack at `/slack`, Discord at
 * `/discord/api/v10`, and unauthenticated control routes for local development and tests
 * (`/__sent`, `/__reset`, `/__faults`, `/healthz`). Bind it to localhost only.
 */
export function buildStandinsApp(state: StandinState): Hono {
  const app = new Hono();
  app.route("/slack", createSlackStandin(state));
  app.route(DISCORD_BASE, createDiscordStandin(state));

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

  app.post("/__reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });

  app.get("/__faults", (c) => c.json(state.faults));
  app.post("/__faults", async (c) => {
    const parsed = FaultInput.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, error: z.prettifyError(parsed.error) }, 400);
    state.faults.push(parsed.data);
    return c.json({ ok: true, pending: state.faults.length });
  });

  app.notFound((c) => c.json({ ok: false, error: "no such stand-in route", path: c.req.path }, 404));
  return app;
}
