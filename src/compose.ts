import { discordParts } from "./adapters/discord/parts.ts";
import { slackParts } from "./adapters/slack/parts.ts";
import { telegramParts } from "./adapters/telegram/parts.ts";
import type { AppEnv } from "./env.ts";
import { jobDepsWith } from "./jobs/deps.ts";
import type { JobDeps } from "./jobs/job-kind.ts";
import type { Platforms } from "./platforms.ts";

/**
 * The composition root's platform half: each adapter's parts, by the id communities carry in
 * `communities.platform`. The one place that lists the platforms for jobs and delivery; a new
 * platform is its adapter folder's `parts.ts` and one line here.
 */
export function platformsFrom(env: AppEnv): Platforms {
  return new Map([
    ["slack", slackParts(env)],
    ["discord", discordParts(env)],
    ["telegram", telegramParts(env)],
  ]);
}

/** Job dependencies from the Worker's bindings and platforms, the clock set per run. */
export function jobDepsAt(env: AppEnv): (now: Date) => JobDeps {
  return jobDepsWith(env, platformsFrom(env));
}
