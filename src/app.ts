import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { discordRoutes } from "./adapters/discord/routes.ts";
import { MAX_BODY_BYTES } from "./adapters/read-body.ts";
import { slackOauthRoutes } from "./adapters/slack/oauth.ts";
import { slackRoutes } from "./adapters/slack/routes.ts";
import { healthPage } from "./adapters/web/health-route.ts";
import { jobDepsAt } from "./compose.ts";
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
        throw new HttpError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
      },
    }),
  );

  app.get("/", healthPage(now));
  app.get("/healthz", (c) => c.json({ ok: true, service: "guyub" }));
  app.route("/slack", slackOauthRoutes(now));
  app.route("/slack", slackRoutes({ core: coreDeps, verifyNow, replyDeadlineMs: options.replyDeadlineMs }));
  app.route(
    "/discord",
    discordRoutes({ core: coreDeps, verifyNow, replyDeadlineMs: options.replyDeadlineMs }),
  );

  app.notFound(() => {
    throw new HttpError("not_found", "No such route.");
  });
  app.onError((error, c) => {
    if (error instanceof HttpError)
      return c.json({ error: error.code, message: error.message }, error.status as 400);
    if (error instanceof HTTPException)
      return c.json({ error: "http_error", message: error.message }, error.status);
    console.error("unhandled error", error);
    return c.json({ error: "internal", message: "Something went wrong." }, 500);
  });
  return app;
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
      const store = createCommunityStore(createDb(env.DB), env.DB);
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
      };
      cache.set(env.DB, deps);
    }
    return deps;
  };
}
