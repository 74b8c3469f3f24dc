import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { type RunningStandins, startStandins } from "../../../scripts/standins/index.ts";
import { wranglerStandinPort } from "./wrangler-standin-server.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
let bundled: string | undefined;

/**
 * scripts/setup.ts bundled once per test process and run with plain node: starting it through tsx
 * costs about 1.5 s of transpiling per run, and these tests run setup some thirty times. The
 * bundle sits beside the setup sources (git-ignored) because setup finds the Discord command
 * registration and tsx relative to its own file; packages stay external, resolved from the
 * repository's node_modules as they are when npm runs setup.
 */
function setupBundle(): string {
  if (bundled) return bundled;
  const out = join(REPO, "scripts", "setup", `.test-bundle-${process.pid}.mjs`);
  buildSync({
    entryPoints: [join(REPO, "scripts", "setup.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    outfile: out,
    logLevel: "silent",
  });
  process.once("exit", () => rmSync(out, { force: true }));
  bundled = out;
  return out;
}
/** The wrangler setup runs in these tests: a bash client of the stand-in this process serves. */
export const STANDIN = fileURLToPath(new URL("./wrangler-standin-client.sh", import.meta.url));

/** What the stand-in wrangler keeps: the account's resources and every call made. */
export interface World {
  calls: Array<{ args: string[]; account: string | null }>;
  databases: Array<{ uuid: string; name: string }>;
  queues: string[];
  secrets: Record<string, string>;
  deployments: Array<{ migrationsApplied?: number; secrets?: string[] }>;
  migrations: string[];
  installations?: Array<{
    id: number;
    platform: string;
    workspace_id: string;
    bot_token: string | null;
    refresh_token: string | null;
  }>;
}

/** A fresh clone's files setup reads: wrangler.toml, the migrations and some Worker source. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "guyub-setup-"));
  cpSync(join(REPO, "wrangler.toml"), join(dir, "wrangler.toml"));
  cpSync(join(REPO, "migrations"), join(dir, "migrations"), { recursive: true });
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "index.ts"), "export default {};\n");
  return dir;
}

export const SECRETS = {
  SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_CLIENT_ID: "1234567890.9876543210",
  SLACK_CLIENT_SECRET: "fedcba9876543210fedcba9876543210",
  DISCORD_APPLICATION_ID: "100000000000000001",
  DISCORD_PUBLIC_KEY: "ab".repeat(32),
  DISCORD_BOT_TOKEN: "test-discord-bot-token-that-is-as-long-as-a-real-one-0123456789",
} as const;

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `npm run setup` (scripts/setup.ts) in `dir` without a terminal, against the stand-in. */
export function runSetup(
  dir: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<RunResult> {
  return wranglerStandinPort().then((port) => spawnSetup(dir, args, env, port));
}

function spawnSetup(
  dir: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  port: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [setupBundle(), ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        GUYUB_WRANGLER: STANDIN,
        WRANGLER_STANDIN_PORT: String(port),
        WRANGLER_STANDIN_WORLD: join(dir, "world.json"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out, err }));
  });
}

/** Changes the stand-in's account between runs (e.g. rows in the remote D1). */
export function writeWorld(dir: string, world: World): void {
  writeFileSync(join(dir, "world.json"), JSON.stringify(world, null, 2));
}

export function readWorld(dir: string): World | undefined {
  const file = join(dir, "world.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as World) : undefined;
}

/** The calls that create or upload something (a migration run that finds none changes nothing). */
export function changes(world: World): string[] {
  const writes = ["d1 create", "queues create", "deploy", "secret bulk", "secret put"];
  return world.calls.map((c) => c.args.join(" ")).filter((line) => writes.some((w) => line.startsWith(w)));
}

/** The world as a volunteer would see it in the dashboard, without the call log. */
export function resources(world: World) {
  return {
    databases: world.databases.map((d) => d.name),
    queues: [...world.queues].sort(),
    secrets: Object.keys(world.secrets).sort(),
    migrations: world.migrations,
    codeDeploys: world.deployments.filter((d) => !d.secrets).length,
  };
}

/**
 * The platforms' stand-ins for setup's tests (Discord command registration goes to them), and the
 * environment a run gets: every platform secret, and the Discord API at the stand-in.
 */
export async function setupStandins(): Promise<{ standins: RunningStandins; env: Record<string, string> }> {
  const standins = await startStandins({
    port: 0,
    config: {
      discordApplicationId: SECRETS.DISCORD_APPLICATION_ID,
      discordBotToken: SECRETS.DISCORD_BOT_TOKEN,
    },
  });
  return { standins, env: { ...SECRETS, DISCORD_API_URL: `${standins.url}/discord/api/v10` } };
}
