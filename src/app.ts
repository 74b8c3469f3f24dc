import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { discordRoutes } from "./adapters/discord/routes.ts";
import { tooLarge, withHotRoutes } from "./adapters/hot-routes.ts";
import { MAX_BODY_BYTES } from "./adapters/read-body.ts";
import { slackOauthRoutes } from "./adapters/slack/oauth.ts";
import { slackRoutes } from "./adapters/slack/routes.ts";
import { telegramRoutes } from "./adapters/telegram/routes.ts";
import { dashboardRoutes } from "./adapters/web/dashboard-routes.ts";
import { healthPage } from "./adapters/web/health-route.ts";
import { jobDepsAt, platformsFrom } from "./compose.ts";
import type { Registry } from "./core/commands/index.ts";
import { HttpError } from "./core/errors.ts";
import type { CoreDeps, InteractionRegistry } from "./core/handle-command.ts";
import { createDb } from "./db/client.ts";
import { withSessionCache } from "./db/session-cache.ts";
import { createCommunityStore } from "./db/store.ts";
import { createDeliveryQueue } from "./delivery/queue.ts";
import type { AppEnv } from "./env.ts";
import { JOB_KINDS } from "./jobs/registry.ts";
import { createJobStarter } from "./jobs/start-now.ts";
import { createUpcomingWork } from "./jobs/upcoming.ts";
import { keyRingSealer } from "./secrets/sealer.ts";

/** Bodies above this are refused with 413 before anything reads them (read-body.ts). */
export { MAX_BODY_BYTES };

export interface AppOptions {
  /** The clock. Tests pin it; production reads the system time. */
  readonly now?: () => Date;
  /**
   * The clock signatures are checked against; default `now`. The local demo moves `now` through
   * simulated weeks while its requests stay signed at real time.
   */
  readonly verifyNow?: () => Date;
  /** How long a command may take before the platform gets a deferred ack. */
  readonly replyDeadlineMs?: number;
  /** How long an isolate may reuse a member's session for read-only commands (0 turns it off). */
  readonly sessionCacheMs?: number;
  /** The command set (tests add commands of their own). */
  readonly registry?: Registry;
  /** The buttons and forms (tests add their own). */
  readonly interactions?: InteractionRegistry;
  /** false: every request through Hono's router (tests compare the two paths). Default true. */
  readonly hotRoutes?: boolean;
}

/** Other isolates see a language or moderator-list change within this time. */
export const SESSION_CACHE_MS = 30_000;

/**
 * The HTTP surface of guyub (routes are an interface; see docs/architecture.md): Slack, Discord, OAuth
 * placeholders and the health check, behind one body limit and one error handler.
 */
export function createApp(options: AppOptions = {}): Hono<{ Bindings: AppEnv }> {
  const now = options.now ?? (() => new Date());
  const verifyNow = options.verifyNow ?? now;
  const coreDeps = coreDepsFor(now, options.sessionCacheMs ?? SESSION_CACHE_MS, options);
  const app = new Hono<{ Bindings: AppEnv }>();

  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw tooLarge();
      },
    }),
  );

  app.get("/", healthPage(now));
  app.get("/healthz", (c) => c.json({ ok: true, service: "guyub" }));
  app.route("/slack", slackOauthRoutes(now));
  app.route("/dashboard", dashboardRoutes(now, platformsFrom));
  const routeOptions = { core: coreDeps, verifyNow, replyDeadlineMs: options.replyDeadlineMs };
  const slack = slackRoutes(routeOptions);
  const discord = discordRoutes(routeOptions);
  app.route("/slack", slack.routes);
  app.route("/discord", discord.routes);
  app.route("/telegram", telegramRoutes({ core: coreDeps }));

  app.notFound(() => {
    throw new HttpError("not_found", "No such route.");
  });
  app.onError(errorResponse);
  if (options.hotRoutes !== false) {
    // Every command's route, answered before the router (adapters/hot-routes.ts); Hono's `request`
    // calls `fetch` too, so tests go the same way as production.
    app.fetch = withHotRoutes(
      app.fetch,
      new Map([
        ["/slack/commands", slack.commands],
        ["/discord/interactions", discord.interactions],
      ]),
      errorResponse,
    );
  }
  return app;
}

/** Every error's answer, in one place: a JSON body `{ error, message }` with its status. */
function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json({ error: error.code, message: error.message }, error.status);
  if (error instanceof HTTPException)
    return json({ error: "http_error", message: error.message }, error.status);
  console.error("unhandled error", error);
  return json({ error: "internal", message: "Something went wrong." }, 500);
}

/** As Hono's `c.json`. */
function json(body: object, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Core dependencies per D1 binding, built once per isolate rather than per request. */
function coreDepsFor(
  now: () => Date,
  sessionCacheMs: number,
  options: Pick<AppOptions, "registry" | "interactions">,
): (env: AppEnv) => CoreDeps {
  const cache = new WeakMap<D1Database, CoreDeps>();
  return (env) => {
    let deps = cache.get(env.DB);
    if (!deps) {
      const store = createCommunityStore(createDb(env.DB), env.DB, env);
      const clock = () => now().getTime();
      deps = {
        store:
          sessionCacheMs > 0
            ? withSessionCache(store, { ttlMs: sessionCacheMs, maxEntries: 10_000, now: clock })
            : store,
        now,
        registry: options.registry,
        interactions: options.interactions,
        queue: createDeliveryQueue(env.OUTBOX),
        jobs: createJobStarter(createDb(env.DB), env.JOBS),
        upcoming: createUpcomingWork(jobDepsAt(env), JOB_KINDS),
        sealer: keyRingSealer(env),
        ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, "") } : {}),
      };
      cache.set(env.DB, deps);
    }
    return deps;
  };
}
