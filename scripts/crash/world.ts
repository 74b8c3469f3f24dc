/**
 * The crash test's Worker: guyub's production bundle in workerd through Miniflare's API, with
 * both queues consumed as wrangler.toml declares them and D1 and the queues kept on disk under
 * one directory (`resourcePersistencePath`), so a second Miniflare on the same directory is the
 * same Worker restarted after a crash.
 */
import { readFileSync } from "node:fs";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { OUTBOX_QUEUE, readWranglerFacts } from "../bench/delivery-setup.ts";
import { withTimeout } from "../bench/proc.ts";
import { LOCAL_QUIET } from "../bench/servers.ts";

type WorkerConfig = MiniflareOptions["workers"][number]["config"];
type Trigger = NonNullable<WorkerConfig["triggers"]>[number];

const JOBS_QUEUE = "guyub-jobs";

export interface Secrets {
  readonly slackBotToken: string;
  readonly discordBotToken: string;
  readonly discordApplicationId: string;
  readonly standinsUrl: string;
}

/** Starts (or restarts) guyub on the state kept in `persistDir`. */
export async function startGuyub(
  root: string,
  bundlePath: string,
  persistDir: string,
  secrets: Secrets,
): Promise<Miniflare> {
  const facts = readWranglerFacts(root);
  const text = (value: string) => ({ type: "text" as const, value });
  const consumer = (queue: string): Trigger => ({
    type: "queue",
    name: queue,
    ...(queue === OUTBOX_QUEUE ? facts.outbox : {}),
  });
  const mf = new Miniflare({
    ...LOCAL_QUIET,
    resourcePersistencePath: persistDir,
    workers: [
      {
        config: {
          name: "guyub",
          compatibilityDate: facts.compatibilityDate,
          compatibilityFlags: facts.compatibilityFlags,
          manifest: {
            mainModule: "guyub.js",
            modules: { "guyub.js": { type: "esm", contents: readFileSync(bundlePath, "utf8") } },
          },
          env: {
            DB: { type: "d1", id: "guyub-crash" },
            JOBS: { type: "queue", name: JOBS_QUEUE },
            OUTBOX: { type: "queue", name: OUTBOX_QUEUE },
            SLACK_BOT_TOKEN: text(secrets.slackBotToken),
            DISCORD_BOT_TOKEN: text(secrets.discordBotToken),
            DISCORD_APPLICATION_ID: text(secrets.discordApplicationId),
            SLACK_API_URL: text(`${secrets.standinsUrl}/slack/api/`),
            DISCORD_API_URL: text(`${secrets.standinsUrl}/discord/api/v10`),
          },
          triggers: [consumer(JOBS_QUEUE), consumer(OUTBOX_QUEUE)],
        },
      },
    ],
  });
  try {
    await withTimeout(mf.ready, 60_000, "Miniflare start");
  } catch (error) {
    await mf.dispose().catch(() => undefined);
    throw error;
  }
  return mf;
}

/** Fires the Worker's scheduled handler as the cron would, at `at`. */
export async function fireCron(mf: Miniflare, at: Date): Promise<void> {
  // Miniflare's Fetcher has scheduled() (its types lean on workers-types, not installed here).
  const worker = (await mf.getWorker()) as unknown as {
    scheduled(options: { scheduledTime: Date; cron: string }): Promise<{ outcome: string }>;
  };
  const run = await worker.scheduled({ scheduledTime: at, cron: "*/15 * * * *" });
  if (run.outcome !== "ok")
    throw new Error(`the scheduled run at ${at.toISOString()} ended "${run.outcome}"`);
}

export interface RowState {
  readonly sent: number;
  readonly pending: number;
  /** Pending rows a consumer had claimed (a send under way when it died). */
  readonly claimed: number;
  readonly other: number;
}

/** Where the burst's rows stand, from guyub's own outbox. */
export async function rowState(mf: Miniflare): Promise<RowState> {
  const db = await mf.getD1Database("DB");
  const result = await db
    .prepare(`SELECT status, claimed_until IS NOT NULL AS claimed, count(*) AS n FROM outbox GROUP BY 1, 2`)
    .all();
  // Miniflare's D1 types come from workers-types, not installed here: the rows are typed by hand.
  const rows = result.results as Array<{ status: string; claimed: number; n: number }>;
  const sum = (test: (r: { status: string; claimed: number }) => boolean) =>
    rows.filter(test).reduce((total, r) => total + r.n, 0);
  return {
    sent: sum((r) => r.status === "sent"),
    pending: sum((r) => r.status === "pending"),
    claimed: sum((r) => r.status === "pending" && r.claimed === 1),
    other: sum((r) => r.status !== "sent" && r.status !== "pending"),
  };
}
