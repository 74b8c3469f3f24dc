/**
 * `npm run standins [-- --port 8788] [--vars .dev.vars] [--quiet]`: serves the local Slack Web API
 * and Discord REST stand-ins on 127.0.0.1, accepting the tokens from `.dev.vars` when it exists,
 * and prints each message they accept as one chat line (`--quiet` stops that).
 */
import { parseArgs } from "node:util";
import { readDevVars } from "./lib/dev-vars.ts";
import { configFromVars, describeRoutes, startStandins } from "./standins/index.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8788" },
      vars: { type: "string", default: ".dev.vars" },
      quiet: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`);
  const vars = readDevVars(values.vars);
  const transcript = values.quiet ? undefined : (line: string) => console.log(line);
  const running = await startStandins({ port, config: configFromVars(vars), transcript });
  const { config } = running.state;
  console.log(`guyub stand-ins listening on ${running.url}`);
  console.log(describeRoutes(running.url));
  console.log(
    `  tokens from ${Object.keys(vars).length ? values.vars : "environment/defaults"}: Slack ${config.slackTokens.length} token(s), Discord application ${config.discordApplicationId}`,
  );
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`stand-ins failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
