/**
 * guyub as `npm run bench` and `npm run bench:profile` serve it: the production bundle in workerd
 * (Miniflare's API), the stand-ins, the migrations, the bench workspace installed through Slack's
 * OAuth flow (so every command looks its workspace's token up, as in a multi-workspace deployment)
 * and the two signed `/cop help` requests, each checked once before any load.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { MiniflareOptions } from "miniflare";
import { startStandins } from "../standins/index.ts";
import * as req from "./requests.ts";
import { applyMigrations, type ServedWorker, serveWorker } from "./servers.ts";

export interface Guyub {
  readonly worker: ServedWorker;
  readonly standins: Awaited<ReturnType<typeof startStandins>>;
  readonly secret: string;
  readonly slack: req.LoadRequest;
  readonly discord: req.LoadRequest;
  /** The application's key pair (the bare Discord worker verifies with the same public key). */
  readonly discordKeys: req.DiscordKeys;
  /** The Discord request's body, to sign for another target. */
  readonly discordBody: string;
  readonly migrations: number;
}

const CLIENT_ID = "bench-client-id";
const CLIENT_SECRET = "bench-client-secret";

/**
 * Starts everything for guyub; each started piece is pushed onto `cleanups` at once, so the
 * caller stops them in reverse order even when a later step fails.
 */
export async function startGuyub(options: {
  root: string;
  bundle: string;
  direct: boolean;
  cleanups: Array<() => Promise<unknown>>;
  /** Miniflare options shared by all workers (the profiler's `inspectorPort`). */
  shared?: Partial<MiniflareOptions>;
}): Promise<Guyub> {
  const secret = randomBytes(16).toString("hex");
  const discordBotToken = `bench-discord-${randomBytes(8).toString("hex")}`;
  const applicationId = "100000000000000001";
  const keys = req.discordKeys();

  const standins = await startStandins({
    port: 0,
    host: "127.0.0.1",
    config: {
      discordBotToken,
      discordApplicationId: applicationId,
      slackClientId: CLIENT_ID,
      slackClientSecret: CLIENT_SECRET,
    },
  });
  options.cleanups.push(() => standins.close());
  const text = (value: string) => ({ type: "text" as const, value });
  // No SLACK_BOT_TOKEN: the bench workspace's token comes from its installation row (sealed with
  // TOKEN_ENCRYPTION_KEY), as for every workspace of a multi-workspace deployment.
  const env = {
    DB: { type: "d1", id: "guyub-bench" },
    JOBS: { type: "queue", name: "guyub-jobs" },
    OUTBOX: { type: "queue", name: "guyub-outbox" },
    SLACK_SIGNING_SECRET: text(secret),
    SLACK_CLIENT_ID: text(CLIENT_ID),
    SLACK_CLIENT_SECRET: text(CLIENT_SECRET),
    TOKEN_ENCRYPTION_KEY: text(randomBytes(32).toString("base64")),
    DISCORD_PUBLIC_KEY: text(keys.publicKeyHex),
    DISCORD_APPLICATION_ID: text(applicationId),
    DISCORD_BOT_TOKEN: text(discordBotToken),
    SLACK_API_URL: text(`${standins.url}/slack/api/`),
    DISCORD_API_URL: text(`${standins.url}/discord/api/v10`),
  } as const;
  // PUBLIC_URL must name the Worker's own address, known only once it listens: a second setOptions
  // would restart workerd, so the redirect URI is rewritten to the served origin below instead.
  const worker = await serveWorker(
    "guyub",
    options.bundle,
    { ...env, PUBLIC_URL: text("http://guyub.bench") },
    options.direct,
    options.shared,
  );
  options.cleanups.push(worker.stop);
  const migrations = await applyMigrations(worker.mf, join(options.root, "migrations"));
  await installWorkspace(worker.url, req.BENCH_TEAM_ID);

  // The first request of each platform registers the member (Slack: one users.info call, admin
  // status cached in D1); the second checks the steady state that the load then repeats.
  const slack = req.signedSlack(`${worker.url}/slack/commands`, secret, req.slackCommandBody(standins.url));
  for (const round of ["first", "repeated"]) {
    await req.check(`guyub Slack (${round})`, slack, (status, body, raw) => {
      return status === 200 && body.response_type === "ephemeral" && raw.includes("guyub: what you can do");
    });
  }
  const command = req.discordHelpBody(applicationId);
  const discord = req.signedDiscord(`${worker.url}/discord/interactions`, keys, command);
  for (const round of ["first", "repeated"]) {
    await req.check(`guyub Discord (${round})`, discord, (status, body) => status === 200 && body.type === 4);
  }
  return { worker, standins, secret, slack, discord, discordKeys: keys, discordBody: command, migrations };
}

/** Slack's install as a moderator's browser does it: guyub, the stand-in's Allow, the callback. */
async function installWorkspace(origin: string, team: string): Promise<void> {
  const start = await fetch(`${origin}/slack/install`, { redirect: "manual" });
  const authorize = new URL(start.headers.get("location") ?? "");
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (start.status !== 302 || !cookie) throw new Error(`guyub /slack/install answered ${start.status}`);
  authorize.pathname = authorize.pathname.replace(/authorize$/, "decide");
  authorize.searchParams.set("decision", "allow");
  authorize.searchParams.set("team", team);
  const decided = await fetch(authorize, { redirect: "manual" });
  const callback = new URL(decided.headers.get("location") ?? "");
  const done = await fetch(`${origin}${callback.pathname}${callback.search}`, { headers: { cookie } });
  if (done.status !== 200) throw new Error(`installing ${team} failed (HTTP ${done.status})`);
}
