/**
 * `npm start`: the whole of guyub on one machine, offline. Creates `.dev.vars` if missing, applies
 * the D1 migrations to the local database, starts the Slack/Discord stand-ins in this process,
 * runs `wrangler dev` against them and fires its 15-minute cron on the local clock (wrangler does
 * not). Every message guyub sends shows up as a chat line, e.g.
 * `[slack #C0GENERAL] guyub: Welcome, @ayu!`, so the terminal reads like the community would.
 * wrangler's own chatter is filtered (quiet-output.ts); `--verbose` shows all of it.
 */
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseCli } from "./lib/cli.ts";
import { ensureDevVars } from "./lib/dev-vars.ts";
import { fireOver, startLocalCron } from "./lib/local-cron.ts";
import { lineSplitter, summarizeMigrations, wranglerDevFilter } from "./lib/quiet-output.ts";
import { configFromVars, describeRoutes, type RunningStandins, startStandins } from "./standins/index.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORKER_PORT = 8787;
const WORKER_URL = `http://127.0.0.1:${WORKER_PORT}`;

const USAGE = "npm start [-- --no-cron] [--verbose]";
const { values: options } = parseCli(
  {
    options: {
      "no-cron": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
  },
  USAGE,
);

// CI=1 answers wrangler's "apply migrations?" prompt; the other two keep wrangler off the network.
const ENV = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

/**
 * Runs `npx …`. With `group`, the child leads its own process group: npx puts npm and a shell
 * between us and wrangler and forwards no signals, so stopping means signalling the whole group.
 * Its output comes to us (`piped`) unless `--verbose` asked for wrangler's own.
 */
function run(args: string[], group = false): ChildProcess {
  const stdio: StdioOptions = options.verbose ? "inherit" : ["ignore", "pipe", "pipe"];
  return spawn("npx", args, { cwd: ROOT, env: ENV, stdio, detached: group });
}

/** Everything a child printed, for a summary or for showing in full when it failed. */
function collect(child: ChildProcess): () => string {
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

/** Prints a child's output line by line, without what `wranglerDevFilter` calls noise. */
function passFiltered(child: ChildProcess): void {
  const keep = wranglerDevFilter();
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    const lines = lineSplitter((line) => {
      if (keep(line)) out.write(`${line}\n`);
    });
    stream?.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
    stream?.on("end", () => lines.flush());
  }
}

function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("error", (err) => {
      console.error(`could not start ${child.spawnargs.join(" ")}: ${err.message}`);
      resolve(1);
    });
    // A child killed by a signal reports 128 + the signal number, as shells do.
    child.once("exit", (code, signal) => resolve(code ?? (signal === "SIGINT" ? 130 : signal ? 143 : 1)));
  });
}

/** The stand-ins' port: the one `.dev.vars` points SLACK_API_URL at, else 8788. */
function standinsPort(vars: Record<string, string>): number {
  try {
    return Number(new URL(vars.SLACK_API_URL ?? "").port) || 8788;
  } catch {
    return 8788;
  }
}

/** Polls `url` until it answers (true), or gives up when `stopped` settles or after a minute. */
async function whenUp(url: string, stopped: Promise<unknown>): Promise<boolean> {
  let done = false;
  void stopped.then(() => {
    done = true;
  });
  for (let i = 0; i < 120 && !done; i++) {
    const ok = await fetch(url).then(
      () => true,
      () => false,
    );
    if (ok) return !done;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function banner(standinsUrl: string): string {
  return `
  guyub is running
    worker      http://127.0.0.1:${WORKER_PORT}
    stand-ins   ${standinsUrl}
${describeRoutes(standinsUrl)}

  In another terminal, try:
    npm run sign -- slack "/cop help"
    npm run sign -- discord "cop help"
    npm run sign -- telegram "/cop help"
    npm run sign -- slack "/copmod setup" --moderator
  ${cronLine()}
  Ctrl-C stops everything.
`;
}

function cronLine(): string {
  return options["no-cron"]
    ? "The 15-minute cron is off (--no-cron): fire it by hand, see the README."
    : "The 15-minute cron fires at every quarter hour of this machine's clock.";
}

const hhmm = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });

/** Fires the Worker's cron at every local quarter hour, one line per tick. */
function runCron(): { stop: () => void } {
  return startLocalCron({
    now: () => Date.now(),
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    fire: fireOver(fetch, WORKER_URL),
    onTick: (at, error) =>
      error === undefined
        ? console.log(`[cron ${hhmm(at)}] ran the 15-minute jobs`)
        : console.error(`[cron ${hhmm(at)}] could not fire the scheduled handler: ${String(error)}`),
  });
}

async function main(): Promise<number> {
  const devVarsPath = `${ROOT}.dev.vars`;
  const { created, added, vars } = ensureDevVars(devVarsPath);
  console.log(
    created
      ? "created .dev.vars with fresh local secrets"
      : added
        ? "using existing .dev.vars (Telegram's local secrets added to it)"
        : "using existing .dev.vars",
  );

  console.log("applying D1 migrations to the local database…");
  const migrating = run(["wrangler", "d1", "migrations", "apply", "DB", "--local"]);
  const migrationOutput = collect(migrating);
  const migrated = await exitCodeOf(migrating);
  if (!options.verbose && migrated === 0) console.log(summarizeMigrations(migrationOutput()));
  if (migrated !== 0) {
    if (!options.verbose) console.error(migrationOutput());
    console.error(
      `\nD1 migrations failed (exit ${migrated}): fix the SQL in migrations/ and run npm start again.`,
    );
    return migrated;
  }

  let standins: RunningStandins;
  try {
    standins = await startStandins({
      port: standinsPort(vars),
      config: configFromVars(vars),
      transcript: (line) => console.log(line),
    });
  } catch (err) {
    console.error(`could not start the stand-ins: ${err instanceof Error ? err.message : String(err)}`);
    console.error("is another `npm start` or `npm run standins` running?");
    return 1;
  }

  const worker = run(
    [
      ..."wrangler dev --local --ip 127.0.0.1 --show-interactive-dev-session=false --port".split(" "),
      String(WORKER_PORT),
    ],
    true,
  );
  if (!options.verbose) passFiltered(worker);
  const exited = exitCodeOf(worker);
  // Print the banner once the worker answers, so wrangler's start-up output does not bury it.
  let cron: { stop: () => void } | undefined;
  void whenUp(`${WORKER_URL}/healthz`, exited).then((up) => {
    if (!up) return;
    console.log(banner(standins.url));
    if (!options["no-cron"]) cron = runCron();
  });

  // wrangler is in its own process group, so the terminal's Ctrl-C (or a closed terminal) reaches
  // it only through us. The first signal asks it to stop; a second one kills the group.
  let signals = 0;
  const forward = (signal: NodeJS.Signals) => {
    if (worker.exitCode !== null || worker.signalCode !== null || worker.pid === undefined) return;
    try {
      process.kill(-worker.pid, signals++ === 0 ? signal : "SIGKILL");
    } catch {
      // The group is already gone.
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);

  const code = await exited;
  cron?.stop();
  await standins.close().catch(() => undefined);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
