/**
 * `npm run health:screenshot`: the health page (GET /) of a local guyub, photographed by headless
 * Chromium (Debian's `chromium` package; not part of CI) in English and in Bahasa Indonesia:
 * `docs/health-page.png` and `docs/health-page-id.png`. Runs `wrangler dev` on a free port and a
 * throwaway local D1 (the real migrations, two example communities), fires one cron tick and
 * waits for its heartbeats to come back through both local queues, so every part has something
 * to show. Nothing of the usual local database or of `.dev.vars` changes (the file is created,
 * as `npm start` would, only when it is missing).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevVars } from "./lib/dev-vars.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENV = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const SHOTS = [
  { lang: "en", file: "docs/health-page.png" },
  { lang: "id", file: "docs/health-page-id.png" },
] as const;

function npx(args: string[]): void {
  const result = spawnSync("npx", args, { cwd: ROOT, env: ENV, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npx ${args.join(" ")} exited ${result.status}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Polls until `check` is true, or fails after `seconds`. */
async function until(what: string, seconds: number, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what} after ${seconds} s`);
}

function chromium(url: string, lang: string, file: string): void {
  const result = spawnSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      `--lang=${lang}`,
      `--accept-lang=${lang}`,
      `--screenshot=${join(ROOT, file)}`,
      "--window-size=1000,1100",
      url,
    ],
    { stdio: "inherit" },
  );
  if (result.error)
    throw new Error(`could not run chromium (apt-get install chromium): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`chromium exited ${result.status}`);
}

async function main(): Promise<void> {
  ensureDevVars(join(ROOT, ".dev.vars"));
  const persist = mkdtempSync(join(tmpdir(), "guyub-health-"));
  let worker: ChildProcess | undefined;
  try {
    const local = ["--local", "--persist-to", persist];
    npx(["wrangler", "d1", "migrations", "apply", "DB", ...local]);
    const at = new Date().toISOString();
    npx([
      "wrangler",
      "d1",
      "execute",
      "DB",
      ...local,
      "--command",
      `INSERT INTO communities (platform, workspace_id, created_at, updated_at) VALUES ('slack', 'T0EXAMPLE', '${at}', '${at}'), ('discord', '100000000000000002', '${at}', '${at}')`,
    ]);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Its own process group: npx puts npm and a shell between us and wrangler.
    worker = spawn(
      "npx",
      [
        "wrangler",
        "dev",
        ...local,
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--var",
        `PUBLIC_URL:${base}`,
      ],
      { cwd: ROOT, env: ENV, stdio: "ignore", detached: true },
    );
    await until("wrangler dev", 90, async () => (await fetch(`${base}/healthz`)).ok);
    const tick = await fetch(`${base}/cdn-cgi/local/scheduled?cron=${encodeURIComponent("*/15 * * * *")}`);
    if (!tick.ok) throw new Error(`the cron tick answered ${tick.status}`);
    await until("both heartbeats", 60, async () => {
      const page = await (await fetch(`${base}/`)).text();
      return (page.match(/back after \d+ ms/g) ?? []).length === 2;
    });
    for (const shot of SHOTS) {
      chromium(`${base}/`, shot.lang, shot.file);
      console.log(`wrote ${shot.file}`);
    }
  } finally {
    if (worker?.pid !== undefined) {
      try {
        process.kill(-worker.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(persist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
