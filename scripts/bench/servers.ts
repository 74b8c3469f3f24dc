/**
 * Starting the servers under test: a Worker module served by Miniflare's own API (not `wrangler
 * dev`, whose proxy worker, debugger and log forwarding multiply the CPU per request), guyub's
 * production bundle, and the Bolt-on-Node reference as a child process.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { unstable_splitSqlQuery } from "wrangler";
import { childrenNamed, freePort, onCore, onLines, stopChild, track, withTimeout } from "./proc.ts";

export const COMPATIBILITY_DATE = "2026-11-01";

/**
 * Miniflare on 127.0.0.1 (a free port), offline and quiet: no cf.json download at start, no
 * telemetry, no dev registry, and no per-request log line (Miniflare's entry worker would copy
 * every response to log it). Shared by the benches and `npm run demo`.
 */
export const LOCAL_QUIET = {
  host: "127.0.0.1",
  port: 0,
  cf: false,
  telemetry: { enabled: false },
  enableDevRegistry: false,
  logRequests: false,
} as const;
type WorkerEnv = NonNullable<MiniflareOptions["workers"][number]["config"]["env"]>;

export interface Server {
  url: string;
  /** The process doing the work: workerd for Miniflare, the node child for Bolt. */
  pid: number;
  stop(): Promise<void>;
}

export interface ServedWorker extends Server {
  mf: Miniflare;
}

/**
 * Serves one ES module Worker on 127.0.0.1 with Miniflare, in this wrangler's Miniflare options
 * shape (`workers: [{ config: { manifest, env } }]`), and finds its workerd process.
 *
 * `direct`: requests go to a socket of the Worker itself (`dev.unsafeDirectSockets`), as in
 * production; otherwise through Miniflare's entry worker, a router in the same workerd that adds
 * a second JS invocation per request (~0.3 ms CPU on a 2-core VM), to every target alike.
 * `shared`: further Miniflare options for the whole instance (the profiler's `inspectorPort`).
 * `siblings`: further modules the script imports by file name (`./bare-shared.js`), beside it.
 */
export async function serveWorker(
  name: string,
  scriptPath: string,
  env: WorkerEnv,
  direct: boolean,
  shared: Partial<MiniflareOptions> = {},
  siblings: readonly string[] = [],
): Promise<ServedWorker> {
  const before = new Set(childrenNamed(process.pid, "workerd"));
  const mainModule = "worker.js";
  const mf = new Miniflare({
    ...LOCAL_QUIET,
    ...shared,
    workers: [
      {
        config: {
          name,
          compatibilityDate: COMPATIBILITY_DATE,
          compatibilityFlags: ["nodejs_compat"],
          manifest: {
            mainModule,
            modules: {
              [mainModule]: { type: "esm", contents: readFileSync(scriptPath, "utf8") },
              ...Object.fromEntries(
                siblings.map((file) => [
                  file,
                  { type: "esm" as const, contents: readFileSync(join(dirname(scriptPath), file), "utf8") },
                ]),
              ),
            },
          },
          env,
        },
        dev: direct ? { unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }] } : undefined,
      },
    ],
  });
  try {
    const url = await withTimeout(mf.ready, 60_000, `Miniflare start (${name})`);
    const started = childrenNamed(process.pid, "workerd").filter((pid) => !before.has(pid));
    if (started.length !== 1 || started[0] === undefined) {
      throw new Error(`expected one new workerd child process for ${name}, found ${started.length}`);
    }
    const served = direct ? await mf.unsafeGetDirectURL(name) : url;
    return { url: served.origin, pid: started[0], mf, stop: () => mf.dispose() };
  } catch (error) {
    await mf.dispose().catch(() => undefined);
    throw error;
  }
}

/**
 * Builds guyub's production bundle exactly as a deploy would (wrangler.toml: minify, aliases), or
 * the same for another entry (`npm run demo` bundles scripts/demo/worker.ts). Returns its path.
 * `flags`: more wrangler flags (the profiler's `--minify=false`, to keep function names).
 */
export async function buildGuyub(
  root: string,
  outdir: string,
  entry?: string,
  flags: readonly string[] = [],
): Promise<string> {
  const args = ["wrangler", "deploy", ...(entry ? [entry] : []), "--dry-run", "--outdir", outdir, ...flags];
  const child = track(
    spawn("npx", args, {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await withTimeout(
    new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (exitCode) => resolve(exitCode));
    }),
    180_000,
    "wrangler build",
  ).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output}`);
  return join(outdir, `${basename(entry ?? "index.ts", ".ts")}.js`);
}

/**
 * Applies migrations/*.sql in name order, each file as one batch (one transaction). Statements
 * are split on `;` after dropping `--` comments; the migrations contain no triggers or string
 * literals with `;`.
 */
export async function applyMigrations(mf: Miniflare, migrationsDir: string): Promise<number> {
  const db = await mf.getD1Database("DB");
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  for (const file of files) {
    // wrangler's own splitter: a naive split on ";" breaks CREATE TRIGGER … BEGIN … END.
    const statements: string[] = unstable_splitSqlQuery(readFileSync(join(migrationsDir, file), "utf8"));
    await db.batch(statements.map((statement) => db.prepare(statement)));
  }
  return files.length;
}

/** Starts bolt-node.ts on `core` (taskset makes the node process itself the pinned child). */
export async function startBolt(root: string, signingSecret: string, core: number): Promise<Server> {
  const port = await freePort();
  const [command = process.execPath, ...args] = [
    ...onCore(core),
    process.execPath,
    "--import",
    "tsx",
    join(root, "scripts/bench/bolt-node.ts"),
  ];
  const child = track(
    spawn(command, args, {
      cwd: root,
      env: { ...process.env, BOLT_SIGNING_SECRET: signingSecret, BOLT_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const ready = new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bolt-node exited early (code ${code})`)));
    onLines(child.stdout, (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; port?: number };
        if (message.event === "ready" && message.port) resolve(message.port);
      } catch {
        // Bolt's own log lines are not JSON.
      }
    });
  });
  try {
    const listening = await withTimeout(ready, 30_000, "Bolt start");
    if (!child.pid) throw new Error("bolt-node has no pid");
    return { url: `http://127.0.0.1:${listening}`, pid: child.pid, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
