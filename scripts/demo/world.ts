/**
 * The demo's world on one machine, offline: the Slack and Discord stand-ins in this process and
 * guyub in workerd through Miniflare's API, with an in-memory D1 (the real migrations) and the two
 * real local queues. Queue batches are flushed at once (wrangler.toml waits up to a second to fill
 * a batch) and the stand-ins run their rate-limit windows 20 times faster, with guyub's pacing
 * scaled to match, so a month of traffic fits in about a minute and still never earns a 429.
 */

import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { applyMigrations, readWranglerFacts } from "../bench/delivery-setup.ts";
import { buildGuyub, LOCAL_QUIET } from "../bench/servers.ts";
import { type RunningStandins, startStandins } from "../standins/index.ts";
import { TIME_SCALE } from "./constants.ts";
import { DISCORD_GUILD } from "./discord-driver.ts";
import { BUDI, EVERYONE, FOUNDERS } from "./people.ts";
import { TELEGRAM_BOT_ID, TELEGRAM_BOT_USERNAME, TELEGRAM_GROUP } from "./telegram-driver.ts";

type WorkerConfig = MiniflareOptions["workers"][number]["config"];
type Trigger = NonNullable<WorkerConfig["triggers"]>[number];

const JOBS_QUEUE = "guyub-jobs";
const OUTBOX_QUEUE = "guyub-outbox";
const DISCORD_APPLICATION_ID = "100000000000000001";

export interface Secrets {
  readonly slackSigningSecret: string;
  readonly slackBotToken: string;
  readonly discordBotToken: string;
  readonly discordApplicationId: string;
  /** Signs Discord interactions (PKCS#8 DER); guyub holds the public half. */
  readonly discordPrivateKey: Buffer;
  readonly discordPublicKeyHex: string;
  /** `<bot id>:<secret>`, as BotFather hands out. */
  readonly telegramBotToken: string;
  /** setWebhook's `secret_token`: Telegram sends it back in a header with every update. */
  readonly telegramWebhookSecret: string;
}

export interface World {
  readonly mf: Miniflare;
  readonly standins: RunningStandins;
  readonly secrets: Secrets;
  /** Where guyub answers HTTP. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Fresh local secrets for one run: nothing is read from or written to `.dev.vars`. */
function freshSecrets(): Secrets {
  const keys = generateKeyPairSync("ed25519");
  return {
    slackSigningSecret: randomBytes(16).toString("hex"),
    slackBotToken: `xoxb-demo-${randomBytes(8).toString("hex")}`,
    discordBotToken: `demo-${randomBytes(12).toString("hex")}`,
    discordApplicationId: DISCORD_APPLICATION_ID,
    discordPrivateKey: keys.privateKey.export({ format: "der", type: "pkcs8" }),
    telegramBotToken: `${TELEGRAM_BOT_ID}:demo-${randomBytes(12).toString("hex")}`,
    telegramWebhookSecret: randomBytes(16).toString("hex"),
    discordPublicKeyHex: keys.publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"),
  };
}

/** Bundles scripts/demo/worker.ts the way a deploy bundles src/index.ts (wrangler.toml aliases). */
export async function buildDemoWorker(root: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "guyub-demo-"));
  try {
    return readFileSync(await buildGuyub(root, outdir, "scripts/demo/worker.ts"), "utf8");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Starts the stand-ins and guyub; `stop()` ends both. */
export async function startWorld(root: string, script: string): Promise<World> {
  const secrets = freshSecrets();
  const standins = await startStandins({
    port: 0,
    config: {
      slackTokens: [secrets.slackBotToken],
      discordBotToken: secrets.discordBotToken,
      discordApplicationId: secrets.discordApplicationId,
      timeScale: TIME_SCALE,
      // The server's member list: the bot and the founders; newcomers appear as they join, with
      // the roster's names (ids count up from the stand-in's first member, in roster order).
      discordMemberCount: 1 + FOUNDERS.length,
      discordMemberNames: EVERYONE.map((m) => m.handle),
      // The demo's server: its channels are the stand-in's, so guyub may post in them.
      discordGuildId: DISCORD_GUILD,
      telegramBotToken: secrets.telegramBotToken,
      telegramBotUsername: TELEGRAM_BOT_USERNAME,
    },
  });
  // The Telegram group: Budi created it; the founders are in it. Everyone has opened a private
  // chat with the bot once (pressed Start), so guyub may write to them there.
  standins.state.telegram.groups.set(TELEGRAM_GROUP, {
    title: "Komunitas Sains",
    type: "supergroup",
    admins: [BUDI.telegramId],
    members: FOUNDERS.map((m) => m.telegramId),
  });
  for (const m of EVERYONE) standins.state.telegram.started.add(m.telegramId);
  const facts = readWranglerFacts(root);
  const text = (value: string) => ({ type: "text" as const, value });
  // The consumers as wrangler.toml declares them, but flushed at once instead of after a wait.
  const consumer = (queue: string): Trigger => ({
    type: "queue",
    name: queue,
    ...(queue === OUTBOX_QUEUE ? facts.outbox : {}),
    maxBatchTimeout: 0,
  });
  const mf = new Miniflare({
    ...LOCAL_QUIET,
    workers: [
      {
        config: {
          name: "guyub-demo",
          compatibilityDate: facts.compatibilityDate,
          compatibilityFlags: facts.compatibilityFlags,
          manifest: { mainModule: "worker.js", modules: { "worker.js": { type: "esm", contents: script } } },
          env: {
            DB: { type: "d1", id: "guyub-demo" },
            JOBS: { type: "queue", name: JOBS_QUEUE },
            OUTBOX: { type: "queue", name: OUTBOX_QUEUE },
            SLACK_SIGNING_SECRET: text(secrets.slackSigningSecret),
            SLACK_BOT_TOKEN: text(secrets.slackBotToken),
            DISCORD_PUBLIC_KEY: text(secrets.discordPublicKeyHex),
            DISCORD_APPLICATION_ID: text(secrets.discordApplicationId),
            DISCORD_BOT_TOKEN: text(secrets.discordBotToken),
            SLACK_API_URL: text(`${standins.url}/slack/api/`),
            DISCORD_API_URL: text(`${standins.url}/discord/api/v10`),
            TELEGRAM_BOT_TOKEN: text(secrets.telegramBotToken),
            TELEGRAM_WEBHOOK_SECRET: text(secrets.telegramWebhookSecret),
            TELEGRAM_BOT_USERNAME: text(TELEGRAM_BOT_USERNAME),
            TELEGRAM_API_URL: text(`${standins.url}/telegram`),
          },
          triggers: [consumer(JOBS_QUEUE), consumer(OUTBOX_QUEUE)],
        },
      },
    ],
  });
  const stop = async () => {
    await mf.dispose().catch(() => undefined);
    await standins.close().catch(() => undefined);
  };
  try {
    const url = await mf.ready;
    await applyMigrations(mf, join(root, "migrations"));
    return { mf, standins, secrets, url: url.origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
