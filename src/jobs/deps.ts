import { createDiscordDirectory } from "../adapters/discord/directory.ts";
import { createSlackDirectory } from "../adapters/slack/directory.ts";
import { slackTokens } from "../adapters/slack/tokens.ts";
import { DEFAULT_DISCORD_API_URL, DEFAULT_SLACK_API_URL } from "../api-defaults.ts";
import type { DirectoryFor } from "../core/membership/directory.ts";
import { createDb } from "../db/client.ts";
import { createCommunityStore } from "../db/store.ts";
import { createDeliveryQueue } from "../delivery/queue.ts";
import type { AppEnv } from "../env.ts";
import { historyFrom } from "./discord-activity-deps.ts";
import type { JobDeps } from "./job-kind.ts";

/** Job dependencies from the Worker's bindings, with the clock set to the scheduled time. */
export function jobDepsAt(env: AppEnv): (now: Date) => JobDeps {
  const db = createDb(env.DB);
  const store = createCommunityStore(db, env.DB);
  const outbox = createDeliveryQueue(env.OUTBOX);
  const history = historyFrom(env);
  return (now) => ({
    db,
    d1: env.DB,
    store,
    outbox,
    now,
    directory: directoriesFrom(env, () => now),
    history,
    keys: env,
  });
}

/** The member-list port of each platform guyub has credentials for (null where it has none). */
export function directoriesFrom(env: AppEnv, now: () => Date): DirectoryFor {
  const apiUrl = env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  const tokenFor = slackTokens({ db: createDb(env.DB), secrets: env, apiUrl, now });
  return (platform, workspaceId) => {
    if (platform === "slack") {
      // Each workspace's own token (an installation, else SLACK_BOT_TOKEN), asked per page.
      return createSlackDirectory({ token: () => tokenFor(workspaceId), apiUrl });
    }
    if (!env.DISCORD_BOT_TOKEN) return null;
    return createDiscordDirectory({
      apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
      botToken: env.DISCORD_BOT_TOKEN,
      guildId: workspaceId,
    });
  };
}
