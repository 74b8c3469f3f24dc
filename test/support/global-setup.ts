import type { TestProject } from "vitest/node";
import { startStandins } from "../../scripts/standins/index.ts";

/**
 * Vitest global setup (runs once, in Node, outside workerd): serves the Slack/Discord stand-ins on a
 * free localhost port with the tokens vitest.config.ts gives the worker, and provides their base URL
 * as `standinsUrl` (`inject("standinsUrl")`). Tests share one stand-in process: call
 * `POST ${standinsUrl}/__reset` before relying on `/__sent` or rate-limit state.
 */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const standins = await startStandins({
    port: 0,
    host: "127.0.0.1",
    config: {
      slackTokens: ["xoxb-test-token"],
      discordBotToken: "test-discord-bot-token",
      discordApplicationId: "100000000000000001",
    },
  });
  provide("standinsUrl", standins.url);
  return () => standins.close();
}
