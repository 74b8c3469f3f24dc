#!/usr/bin/env node
/**
 * A stand-in for wrangler 4.156.2 in setup's tests: it answers the commands setup uses as wrangler
 * does (the same JSON for --json, the same table for `queues list`, the deploy output file) and
 * keeps the Cloudflare account it changes in a JSON file (WRANGLER_STANDIN_WORLD), recording each
 * call. WRANGLER_STANDIN_FAIL="d1 create" makes the first call that starts with those words fail
 * after recording it, as a network error would, once (the next run then succeeds).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** How a call ended early (`process.exit` in the real CLI). */
class Exit {
  constructor(code) {
    this.code = code;
  }
}

/**
 * One wrangler call: `args` as on the command line, `env` and `cwd` as the process would have them,
 * `readInput()` its standard input. Returns the exit code and what it printed. The test process serves
 * this to `wrangler-standin-client.sh` (a bash start instead of a Node start per call); run as a
 * script (`node wrangler-standin.mjs …`) it is the same stand-in as a process.
 */
export function runStandin({ args, env, cwd, readInput }) {
  let stdout = "";
  let stderr = "";
  const out = (text) => {
    stdout += text;
  };
  const errw = (text) => {
    stderr += text;
  };
  const exit = (code) => {
    throw new Exit(code);
  };
  try {
    const worldFile = env.WRANGLER_STANDIN_WORLD && resolve(cwd, env.WRANGLER_STANDIN_WORLD);
    if (!worldFile) throw new Error("WRANGLER_STANDIN_WORLD is not set");
    const world = existsSync(worldFile)
      ? JSON.parse(readFileSync(worldFile, "utf8"))
      : { loggedIn: true, accounts: [{ id: "acc1", name: "Volunteer" }] };
    world.calls ??= [];
    world.databases ??= [];
    world.queues ??= [];
    world.secrets ??= {};
    world.deployments ??= [];
    world.migrations ??= [];
    world.failed ??= [];
    // The remote D1's `installations` rows a test puts there: { id, platform, workspace_id, bot_token, refresh_token }.
    world.installations ??= [];

    const line = args.join(" ");
    world.calls.push({ args, account: env.CLOUDFLARE_ACCOUNT_ID ?? null });
    const save = () => writeFileSync(worldFile, JSON.stringify(world, null, 2));

    function fail(message) {
      save();
      errw(`✘ [ERROR] ${message}\n`);
      exit(1);
    }

    const injected = env.WRANGLER_STANDIN_FAIL;
    if (injected && line.startsWith(injected) && !world.failed.includes(injected)) {
      world.failed.push(injected);
      fail("A request to the Cloudflare API failed (fetch failed).");
    }

    /** The config a command names with -c (wrangler.toml otherwise), as the ids setup must put there. */
    function config() {
      const i = args.indexOf("-c");
      const text = readFileSync(resolve(cwd, i >= 0 ? args[i + 1] : "wrangler.toml"), "utf8");
      return {
        text,
        databaseId: /^database_id\s*=\s*"([^"]+)"/m.exec(text)?.[1],
        accountId: /^account_id\s*=\s*"([^"]+)"/m.exec(text)?.[1],
        name: /^name\s*=\s*"([^"]+)"/m.exec(text)?.[1],
      };
    }

    function requireAuth() {
      if (!world.loggedIn) fail("You are not authenticated. Please run `wrangler login`.");
      if (world.accounts.length > 1 && !env.CLOUDFLARE_ACCOUNT_ID && !config().accountId)
        fail("More than one account available but unable to select one in non-interactive mode.");
    }

    /** wrangler's real deploy provisions a D1 without an id, and writes the id back when interactive. */
    function requireDatabase() {
      const { databaseId } = config();
      if (!databaseId) fail("stand-in: this deploy would provision a new D1 database (no database_id).");
      if (!world.databases.some((d) => d.uuid === databaseId)) fail(`Couldn't find DB with id ${databaseId}`);
    }

    function requireWorker() {
      if (world.deployments.length === 0)
        fail(
          `Worker "${config().name}" not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.`,
        );
    }

    const commands = {
      whoami() {
        if (!world.loggedIn) {
          out(JSON.stringify({ loggedIn: false }));
          save();
          exit(1);
        }
        out(JSON.stringify({ loggedIn: true, authType: "OAuth Token", accounts: world.accounts }, null, 2));
      },
      "d1 list"() {
        requireAuth();
        const list = world.databases.map((d) => ({
          uuid: d.uuid,
          name: d.name,
          version: "production",
          num_tables: 0,
        }));
        out(JSON.stringify(list, null, 2));
      },
      "d1 create"() {
        requireAuth();
        const name = args[2];
        if (world.databases.some((d) => d.name === name))
          fail(`A database with that name already exists [code: 7502]`);
        const uuid = `d1-${world.databases.length + 1}-0000-4000-8000-000000000000`;
        world.databases.push({ uuid, name });
        out(
          `✅ Successfully created DB '${name}'\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "${name}"\ndatabase_id = "${uuid}"\n`,
        );
      },
      "queues list"() {
        requireAuth();
        const rows = world.queues.map((q) => `│ q-${q} │ ${q} │ 2026-12-01 │ 2026-12-01 │ 1 │ 1 │`);
        out(
          ["┌─┐", "│ id │ name │ created_on │ modified_on │ producers │ consumers │", ...rows, "└─┘"].join(
            "\n",
          ),
        );
      },
      "queues create"() {
        requireAuth();
        const name = args[2];
        if (world.queues.includes(name)) fail(`Queue name '${name}' is already taken. [code: 11009]`);
        world.queues.push(name);
        out(`✅ Created queue '${name}'.\n`);
      },
      "d1 migrations"() {
        requireAuth();
        requireDatabase();
        if (!args.includes("--remote"))
          fail("stand-in: setup applies migrations to the remote database only");
        const files = readdirSync(join(cwd, "migrations"))
          .filter((f) => f.endsWith(".sql"))
          .sort();
        const todo = files.filter((f) => !world.migrations.includes(f));
        if (todo.length === 0) out("✅ No migrations to apply!\n");
        for (const file of todo) world.migrations.push(file);
        if (todo.length) out(`Migrations to be applied:\n${todo.join("\n")}\n`);
      },
      /**
       * `d1 execute DB --remote --json --command "…"`, answered as wrangler 4.156.2 does: an array with
       * one result object per statement. The stand-in runs no SQL: it knows the one query setup sends
       * (the key ids of the sealed tokens, src/secrets/key-usage.ts) and answers it from its rows.
       */
      "d1 execute"() {
        requireAuth();
        requireDatabase();
        if (!args.includes("--remote")) fail("stand-in: setup reads the remote database only");
        const command = args[args.indexOf("--command") + 1] ?? "";
        if (!/FROM installations WHERE bot_token IS NOT NULL/.test(command))
          fail(`stand-in: no answer for the query ${command.slice(0, 80)}`);
        const keyId = (value) => {
          const [version, kid] = value.split(":");
          return version === "v1" && kid ? kid : null;
        };
        const results = world.installations
          .flatMap((row) =>
            ["bot_token", "refresh_token"]
              .filter((field) => row[field] != null)
              .map((field) => ({
                installation_id: row.id,
                platform: row.platform,
                workspace_id: row.workspace_id,
                field,
                key_id: keyId(row[field]),
              })),
          )
          .sort((a, b) => a.installation_id - b.installation_id || a.field.localeCompare(b.field));
        const answer = [
          {
            results,
            success: true,
            meta: {
              served_by: "v3-prod",
              served_by_region: "APAC",
              served_by_primary: true,
              duration: 0.31,
              changes: 0,
              last_row_id: 0,
              changed_db: false,
              size_after: 245760,
              rows_read: results.length,
              rows_written: 0,
            },
          },
        ];
        if (!args.includes("--json")) fail("stand-in: setup asks for --json");
        out(JSON.stringify(answer, null, 2));
      },
      deploy() {
        requireAuth();
        requireDatabase();
        for (const queue of new Set(
          [...config().text.matchAll(/^(?:queue|dead_letter_queue)\s*=\s*"([^"]+)"/gm)].map((m) => m[1]),
        ))
          if (!world.queues.includes(queue)) fail(`Queue "${queue}" does not exist. [code: 11000]`);
        world.deployments.push({ migrationsApplied: world.migrations.length });
        const url = `https://${config().name}.volunteer.workers.dev`;
        const output = env.WRANGLER_OUTPUT_FILE_PATH;
        if (output)
          writeFileSync(
            resolve(cwd, output),
            `${JSON.stringify({ type: "deploy", version: 1, targets: [url] })}\n`,
            {
              flag: "a",
            },
          );
        out(`Deployed ${config().name} triggers\n  ${url}\n`);
      },
      "secret list"() {
        requireAuth();
        requireWorker();
        out(JSON.stringify(Object.keys(world.secrets).map((name) => ({ name, type: "secret_text" }))));
      },
      "secret bulk"() {
        requireAuth();
        requireWorker();
        const values = JSON.parse(readInput());
        Object.assign(world.secrets, values);
        world.deployments.push({ secrets: Object.keys(values) });
        out(`✨ Successfully created secret for key: ${Object.keys(values).join(", ")}\n`);
      },
    };

    const handler = commands[`${args[0]} ${args[1]}`] ?? commands[args[0]];
    if (!handler) fail(`stand-in: unknown command ${line}`);
    handler();
    save();
  } catch (error) {
    if (error instanceof Exit) return { code: error.code, stdout, stderr };
    throw error;
  }
  return { code: 0, stdout, stderr };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const result = runStandin({
    args: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    readInput: () => readFileSync(0, "utf8"),
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
