/**
 * The delivery bench's Worker: guyub's production bundle behind delivery-worker.js, in workerd
 * through Miniflare's API (as servers.ts does), with a real local D1 and a real local queue whose
 * consumer settings are read from wrangler.toml, so the bench follows any change made there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { unstable_readConfig, unstable_splitSqlQuery } from "wrangler";
import { withTimeout } from "./proc.ts";
import { LOCAL_QUIET } from "./servers.ts";

export const OUTBOX_QUEUE = "guyub-outbox";
type WorkerConfig = MiniflareOptions["workers"][number]["config"];
type WorkerEnv = NonNullable<WorkerConfig["env"]>;
type Trigger = NonNullable<WorkerConfig["triggers"]>[number];

/** The OUTBOX consumer as wrangler.toml declares it, in Miniflare's trigger shape. */
export interface ConsumerSettings {
  maxBatchSize?: number;
  maxBatchTimeout?: number;
  maxConcurrency?: number | null;
  maxRetries?: number;
  deadLetterQueue?: string;
  retryDelay?: number;
}

export interface WranglerFacts {
  compatibilityDate: string;
  compatibilityFlags: string[];
  outbox: ConsumerSettings;
}

/** The part of wrangler's parsed config read here (wrangler.toml's names). */
interface WranglerConfig {
  compatibility_date?: string;
  compatibility_flags?: string[];
  queues: {
    consumers?: Array<{
      queue: string;
      max_batch_size?: number;
      max_batch_timeout?: number;
      max_concurrency?: number | null;
      max_retries?: number;
      dead_letter_queue?: string;
      retry_delay?: number;
    }>;
  };
}

/** Reads wrangler.toml with wrangler's own parser: compatibility and the OUTBOX consumer. */
export function readWranglerFacts(root: string): WranglerFacts {
  // Typed here: wrangler's declarations lean on workers-types, which this project does not install.
  const config: WranglerConfig = unstable_readConfig({ config: join(root, "wrangler.toml") });
  const consumer = config.queues.consumers?.find((c) => c.queue === OUTBOX_QUEUE);
  if (!consumer) throw new Error(`wrangler.toml has no consumer for ${OUTBOX_QUEUE}`);
  if (!config.compatibility_date) throw new Error("wrangler.toml has no compatibility_date");
  return {
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    outbox: {
      maxBatchSize: consumer.max_batch_size,
      maxBatchTimeout: consumer.max_batch_timeout,
      maxConcurrency: consumer.max_concurrency,
      maxRetries: consumer.max_retries,
      deadLetterQueue: consumer.dead_letter_queue,
      retryDelay: consumer.retry_delay,
    },
  };
}

/**
 * Applies migrations/*.sql in name order, each file as one batch (one transaction), split into
 * statements by wrangler's own splitter, as `wrangler d1 migrations apply` does: it keeps a
 * trigger's `BEGIN … END` body whole, where a plain split on `;` would cut it apart.
 */
export async function applyMigrations(mf: Miniflare, migrationsDir: string): Promise<number> {
  const db = await mf.getD1Database("DB");
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  for (const file of files) {
    const statements: string[] = unstable_splitSqlQuery(readFileSync(join(migrationsDir, file), "utf8"));
    await db.batch(statements.map((statement) => db.prepare(statement)));
  }
  return files.length;
}

export interface Secrets {
  slackBotToken: string;
  discordBotToken: string;
  discordApplicationId: string;
  standinsUrl: string;
}

/** What the wrapper counted (delivery-worker.js `counts`). */
export interface WorkerCounts {
  statements: number;
  roundTrips: number;
  byKind: Record<string, number>;
  invocations: number;
  messages: number;
  redelivered: number;
  active: number;
  maxActive: number;
  requeued: number;
  requeuedByDelay: Record<string, number>;
  failures: number;
}

export interface DeliveryWorker {
  mf: Miniflare;
  counts(): Promise<WorkerCounts>;
}

/**
 * Starts the wrapper and bundle in workerd, listening on 127.0.0.1 only, and applies the
 * migrations. `onStop` receives the stop function as soon as workerd is being started, so that a
 * timeout or Ctrl-C during start-up stops it too.
 */
export async function startDeliveryWorker(
  root: string,
  bundlePath: string,
  facts: WranglerFacts,
  secrets: Secrets,
  onStop: (stop: () => Promise<void>) => void,
): Promise<DeliveryWorker> {
  const text = (value: string) => ({ type: "text" as const, value });
  const env: WorkerEnv = {
    DB: { type: "d1", id: "guyub-bench-delivery" },
    JOBS: { type: "queue", name: "guyub-jobs" },
    OUTBOX: { type: "queue", name: OUTBOX_QUEUE },
    SLACK_BOT_TOKEN: text(secrets.slackBotToken),
    DISCORD_BOT_TOKEN: text(secrets.discordBotToken),
    DISCORD_APPLICATION_ID: text(secrets.discordApplicationId),
    SLACK_API_URL: text(`${secrets.standinsUrl}/slack/api/`),
    DISCORD_API_URL: text(`${secrets.standinsUrl}/discord/api/v10`),
  };
  const trigger: Trigger = { type: "queue", name: OUTBOX_QUEUE, ...facts.outbox };
  const mf = new Miniflare({
    ...LOCAL_QUIET,
    workers: [
      {
        config: {
          name: "guyub",
          compatibilityDate: facts.compatibilityDate,
          compatibilityFlags: facts.compatibilityFlags,
          manifest: {
            mainModule: "worker.js",
            modules: {
              "worker.js": {
                type: "esm",
                contents: readFileSync(join(root, "scripts/bench/delivery-worker.js"), "utf8"),
              },
              "guyub.js": { type: "esm", contents: readFileSync(bundlePath, "utf8") },
            },
          },
          env,
          triggers: [trigger],
        },
      },
    ],
  });
  onStop(() => mf.dispose());
  await withTimeout(mf.ready, 60_000, "Miniflare start");
  await applyMigrations(mf, join(root, "migrations"));
  return {
    mf,
    async counts() {
      const response = await mf.dispatchFetch("http://127.0.0.1/__bench/stats");
      return (await response.json()) as WorkerCounts;
    },
  };
}
