/**
 * `npm run setup`: from a fresh clone to a running deployment, in order, idempotent (a second run
 * changes nothing) and resumable (a failed run continues where it stopped). See README "Deploy".
 *
 *   npm run setup                                  # asks what it cannot find out
 *   npm run setup -- --dry-run                     # the plan, nothing changed (the default without a terminal)
 *   npm run setup -- --yes --platforms discord     # without a terminal: secrets from the environment
 *   npm run setup -- --platforms telegram          # a Telegram bot: its token from @BotFather
 *   npm run setup -- --url https://guyub.example.org   # when the Worker is reached at its own domain
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseCli } from "./lib/cli.ts";
import { type Io, type SetupContext, SetupError, type Step } from "./setup/context.ts";
import { resourcesOf } from "./setup/deploy-config.ts";
import { readState, STATE_FILE, writeState } from "./setup/state.ts";
import {
  accountStep,
  configStep,
  databaseStep,
  migrationsStep,
  queuesStep,
} from "./setup/steps-cloudflare.ts";
import { deployStep, generatedSecretsStep } from "./setup/steps-deploy.ts";
import { finishStep } from "./setup/steps-finish.ts";
import {
  discordCommandsStep,
  discordStep,
  parsePlatforms,
  platformsStep,
  slackStep,
} from "./setup/steps-platforms.ts";
import { telegramStep } from "./setup/steps-telegram.ts";
import { createWrangler, wranglerCommand } from "./setup/wrangler.ts";

const { values } = parseCli(
  {
    options: {
      "dry-run": { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      platforms: { type: "string" },
      url: { type: "string" },
    },
  },
  "npm run setup -- [--dry-run] [--yes] [--platforms slack,discord,telegram] [--url https://…]",
);
if (values.url && !/^https:\/\/[^\s/]+/.test(values.url)) {
  console.error(`--url takes the Worker's https address, not "${values.url}".`);
  process.exit(2);
}

const root = process.cwd();
const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
const resources = resourcesOf(toml);
let state = readState(root);

const steps: readonly Step[] = [
  platformsStep(values.platforms),
  accountStep,
  databaseStep,
  queuesStep,
  configStep,
  migrationsStep,
  deployStep,
  generatedSecretsStep,
  slackStep,
  discordStep,
  discordCommandsStep,
  telegramStep,
  finishStep,
];

if (values["dry-run"] || !(terminal || values.yes)) {
  console.log(
    values["dry-run"]
      ? "Dry run: the plan, nothing changed."
      : "No terminal: showing the plan only (run with --yes to apply it, secrets from the environment).",
  );
  // The plan for the platforms given with --platforms (nothing is saved in a dry run).
  const chosen = values.platforms ? parsePlatforms(values.platforms) : undefined;
  const planned = chosen ? { ...state, platforms: chosen } : state;
  for (const [i, step] of steps.entries())
    console.log(`  ${i + 1}. ${step.name}: ${step.plan(planned, resources)}`);
  process.exit(0);
}

const readline = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
const io: Io = {
  say: (line = "") => console.log(line),
  ask: async (question) => (readline ? readline.question(question) : undefined),
};
const context: SetupContext = {
  root,
  toml,
  resources,
  io,
  env: process.env,
  url: values.url?.replace(/\/+$/, ""),
  values: new Map(),
  get state() {
    return state;
  },
  set state(next) {
    state = next;
  },
  save: () => writeState(root, state),
  // Every call after the account step names the account: a login that reaches several never guesses.
  wrangler: (args, options) =>
    createWrangler(
      wranglerCommand(root),
      root,
      state.accountId ? { CLOUDFLARE_ACCOUNT_ID: state.accountId } : {},
    )(args, options),
};

let current = "";
try {
  for (const step of steps) {
    current = step.name;
    await step.run(context);
  }
  readline?.close();
} catch (error) {
  readline?.close();
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✗ setup stopped at "${current}": ${message}`);
  console.error(`What is done is recorded in ${STATE_FILE}; run npm run setup again to continue from there.`);
  if (!(error instanceof SetupError) && error instanceof Error && !message.includes("wrangler"))
    console.error(error.stack);
  process.exit(1);
}
