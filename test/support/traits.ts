import { DISCORD_TRAITS } from "../../src/adapters/discord/traits.ts";
import { SLACK_TRAITS } from "../../src/adapters/slack/traits.ts";

/** Each adapter's declared traits by its id, as the worker passes them to core. */
export const TRAITS = { slack: SLACK_TRAITS, discord: DISCORD_TRAITS } as const;
export type TestPlatform = keyof typeof TRAITS;
