import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStandins } from "../../scripts/standins/index.ts";
import {
  changes,
  makeProject,
  readWorld,
  resources,
  runSetup,
  setupStandins,
  type World,
} from "./support/setup-run.ts";

let standins: RunningStandins;
let env: Record<string, string>;
/** One clean run per platform: what a resumed run must end with. */
const references = new Map<string, World>();
beforeAll(async () => {
  ({ standins, env } = await setupStandins());
  for (const platforms of ["slack", "discord"]) {
    const dir = makeProject();
    const run = await runSetup(dir, ["--yes", "--platforms", platforms], env);
    const world = readWorld(dir);
    if (run.code !== 0 || !world) throw new Error(`the clean ${platforms} run failed: ${run.err}`);
    references.set(platforms, world);
  }
}, 300_000);
afterAll(() => standins.close());

interface Failure {
  step: string;
  platforms: string;
  /** What goes wrong in the first run (undone before the second). */
  first: (dir: string) => { args?: string[]; env?: Record<string, string | undefined> };
  undo?: (dir: string) => void;
}

const fail = (call: string) => () => ({ env: { WRANGLER_STANDIN_FAIL: call } });
const without = (name: string) => () => ({ env: { [name]: undefined } });

/** One failure per step, each where that step talks to the outside world. */
const FAILURES: Failure[] = [
  { step: "platforms", platforms: "slack", first: () => ({ args: ["--yes"] }) },
  { step: "account", platforms: "slack", first: fail("whoami") },
  { step: "database", platforms: "slack", first: fail("d1 create") },
  { step: "queues", platforms: "slack", first: fail("queues create guyub-outbox") },
  {
    step: "config",
    platforms: "slack",
    // A directory where the config goes: the write fails as on a read-only disk.
    first: (dir) => {
      mkdirSync(join(dir, "wrangler.deploy.toml"));
      return {};
    },
    undo: (dir) => rmSync(join(dir, "wrangler.deploy.toml"), { recursive: true }),
  },
  { step: "migrations", platforms: "slack", first: fail("d1 migrations apply") },
  { step: "deploy", platforms: "slack", first: fail("deploy") },
  { step: "secrets", platforms: "slack", first: fail("secret bulk") },
  { step: "slack", platforms: "slack", first: without("SLACK_CLIENT_SECRET") },
  { step: "discord", platforms: "discord", first: without("DISCORD_BOT_TOKEN") },
  {
    step: "discord-commands",
    platforms: "discord",
    first: () => ({ env: { DISCORD_API_URL: "http://127.0.0.1:9/discord/api/v10" } }),
  },
];

// Each test is a few child processes: run three at once, and allow for a busy machine.
describe.concurrent("npm run setup resumed after a failure", { timeout: 240_000 }, () => {
  it.for(FAILURES)("at $step: stops there, then finishes without doing anything twice", async (failure) => {
    const dir = makeProject();
    const first = failure.first(dir);
    const args = first.args ?? ["--yes", "--platforms", failure.platforms];
    const broken = await runSetup(dir, args, { ...env, ...first.env });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`setup stopped at "${failure.step}"`);
    failure.undo?.(dir);

    const resumed = await runSetup(dir, ["--yes", "--platforms", failure.platforms], env);
    expect(resumed.code, resumed.err).toBe(0);
    const world = readWorld(dir);
    const expected = references.get(failure.platforms);
    if (!world || !expected) throw new Error("no wrangler call");
    expect(resources(world)).toEqual(resources(expected));
    // Nothing created, deployed or stored twice: the same writes as one clean run, plus at most the
    // one that failed.
    const writes = changes(world).filter(
      (w) => !(first.env?.WRANGLER_STANDIN_FAIL && w.startsWith(first.env.WRANGLER_STANDIN_FAIL)),
    );
    const cleanWrites = changes(expected).filter(
      (w) => !(first.env?.WRANGLER_STANDIN_FAIL && w.startsWith(first.env.WRANGLER_STANDIN_FAIL)),
    );
    expect(writes.sort()).toEqual(cleanWrites.sort());
  });
});
