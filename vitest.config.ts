import { generateKeyPairSync, randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import {
  DEFAULT_DISCORD_API_URL,
  DEFAULT_SLACK_API_URL,
  DEFAULT_TELEGRAM_API_URL,
} from "./src/api-defaults.ts";

// The plugin starts wrangler's config reader for every worker start, and it prints "Using secrets
// defined in .dev.vars" each time (65 times a run). Warnings and errors still show; set
// WRANGLER_LOG=log to see everything.
process.env.WRANGLER_LOG ??= "warn";

// Fresh signing material for every run: tests sign requests the way Slack and Discord do.
const discordKeys = generateKeyPairSync("ed25519");
const discordPublicKeyHex = discordKeys.publicKey
  .export({ format: "der", type: "spki" })
  .subarray(12)
  .toString("hex");
const discordPrivateKeyPkcs8 = discordKeys.privateKey
  .export({ format: "der", type: "pkcs8" })
  .toString("base64");

const socketModeStub = fileURLToPath(new URL("./src/adapters/slack/socket-mode-stub.cjs", import.meta.url));
const nodeReceiverStub = fileURLToPath(
  new URL("./src/adapters/slack/node-receiver-stub.cjs", import.meta.url),
);
// As in wrangler.toml: moment-timezone without its zone data. Its `require("moment")` must get
// moment's CommonJS build: workerd's module fallback would pick the ES module and fail.
const momentTimezoneCore = fileURLToPath(
  new URL("./node_modules/moment-timezone/moment-timezone.js", import.meta.url),
);
const momentCjs = fileURLToPath(new URL("./node_modules/moment/moment.js", import.meta.url));

/**
 * The Cloudflare pool, for the Worker's tests only. Vitest hands a root plugin every project, so
 * the Node project (test/node: tools that run on the volunteer's machine, like npm run setup,
 * driven as child processes, which workerd cannot start) is left to Vitest's own pool.
 */
function workersOnly(plugin: ReturnType<typeof cloudflareTest>): ReturnType<typeof cloudflareTest> {
  return {
    ...plugin,
    configureVitest(context) {
      if (context.project.name === "workers") return plugin.configureVitest?.(context);
    },
  };
}

export default defineConfig(async () => ({
  plugins: [
    workersOnly(
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // A second, empty D1 for test/migration-platform-open.test.ts, which applies the
          // migrations one by one and seeds rows between them (the shared DB is fully migrated).
          d1Databases: { MIGRATION_DB: "guyub-migration-test" },
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations("./migrations"),
            TEST_DISCORD_PRIVATE_KEY: discordPrivateKeyPkcs8,
            SLACK_SIGNING_SECRET: randomBytes(16).toString("hex"),
            SLACK_BOT_TOKEN: "xoxb-test-token",
            DISCORD_PUBLIC_KEY: discordPublicKeyHex,
            DISCORD_APPLICATION_ID: "100000000000000001",
            DISCORD_BOT_TOKEN: "test-discord-bot-token",
            TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
            PUBLIC_URL: "http://127.0.0.1:8787",
            // Everything else `npm start` writes into .dev.vars, which the plugin also reads:
            // set here so a developer's local run never changes what the tests see (OAuth not
            // configured, the real platforms' URLs unless a test points at its stand-in).
            SLACK_CLIENT_ID: "",
            SLACK_CLIENT_SECRET: "",
            SLACK_API_URL: DEFAULT_SLACK_API_URL,
            DISCORD_API_URL: DEFAULT_DISCORD_API_URL,
            // Telegram off unless a test gives its bindings (test/support has them).
            TELEGRAM_BOT_TOKEN: "",
            TELEGRAM_WEBHOOK_SECRET: "",
            TELEGRAM_BOT_USERNAME: "",
            TELEGRAM_API_URL: DEFAULT_TELEGRAM_API_URL,
          },
        },
      }),
    ),
  ],
  resolve: {
    alias: {
      "@slack/socket-mode": socketModeStub,
      express: nodeReceiverStub,
      "raw-body": nodeReceiverStub,
      "moment-timezone": momentTimezoneCore,
      moment: momentCjs,
    },
  },
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine. Two
    // workers (two workerd processes) keep both cores busy while one waits on D1 or the stand-ins.
    // A pool-wide setting: it belongs to the root, not to a project.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "workers",
          globalSetup: ["./test/support/global-setup.ts"],
          setupFiles: ["./test/support/fresh-db.ts"],
          include: ["test/**/*.test.ts"],
          exclude: ["test/node/**"],
          // Each test file used to start its own workerd isolate (a Miniflare with its own D1), about
          // 3.5 s of a 4.5 s file on this machine. Files now share an isolate per worker; the setup file
          // gives each one an empty D1, and spies are restored after every test (docs/toolchain.md).
          isolate: false,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          maxConcurrency: 3,
        },
      },
    ],
  },
}));
