/**
 * Self-check of the stand-ins over real HTTP: `npx tsx scripts/standins/selfcheck.ts`.
 * Starts them on a free port, exercises every route, limit and control endpoint, and exits
 * non-zero when any check fails. Each check starts from `POST /__reset`.
 */
import { startStandins } from "./index.ts";
import { APP_ID, BOT_TOKEN, client, OTHER_SLACK_TOKEN, SLACK_TOKEN } from "./selfcheck-client.ts";
import { controlChecks } from "./selfcheck-control.ts";
import { deliveryDiscordChecks } from "./selfcheck-delivery-discord.ts";
import { deliverySlackChecks } from "./selfcheck-delivery-slack.ts";
import { discordChecks } from "./selfcheck-discord.ts";
import { discordSeedChecks } from "./selfcheck-discord-seed.ts";
import { lookupChecks } from "./selfcheck-lookups.ts";
import { oauthChecks } from "./selfcheck-oauth.ts";
import { scaleChecks } from "./selfcheck-scale.ts";
import { slackChecks } from "./selfcheck-slack.ts";

const running = await startStandins({
  port: 0,
  config: {
    slackTokens: [SLACK_TOKEN, OTHER_SLACK_TOKEN],
    discordBotToken: BOT_TOKEN,
    discordApplicationId: APP_ID,
  },
});
const c = client(running.url);
let failed = 0;
const checks = [
  ...slackChecks(c),
  ...discordChecks(c),
  ...controlChecks(c),
  ...scaleChecks(c),
  ...deliverySlackChecks(c),
  ...deliveryDiscordChecks(c),
  ...discordSeedChecks(c),
  ...lookupChecks(c),
  ...oauthChecks(c),
];
for (const [name, run] of checks) {
  await c.control("POST", "/__reset");
  try {
    await run();
    console.log(`ok    ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL  ${name}\n      ${err instanceof Error ? err.message : String(err)}`);
  }
}
await running.close();
console.log(failed ? `${failed} stand-in check(s) failed` : "all stand-in checks passed");
process.exit(failed ? 1 : 0);
