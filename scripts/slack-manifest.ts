/**
 * Prints a Slack app manifest (JSON) for a deployment, from the command registry.
 *
 *   npm run slack:manifest -- --url https://guyub.example.workers.dev
 *   npm run slack:manifest                   # PUBLIC_URL from the environment or .dev.vars, and says so
 */
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { registry } from "../src/core/commands/index.ts";
import { parseCli } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { manifestUrl } from "./lib/manifest-url.ts";

const { values } = parseCli(
  { options: { url: { type: "string" }, command: { type: "string", default: "/cop" } } },
  "npm run slack:manifest -- --url https://your-worker.example.com [--command /cop]",
);
const { baseUrl, note } = manifestUrl(values.url, process.env, readDevVars());
if (!baseUrl || !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
  console.error(
    "Give the deployment's base URL: npm run slack:manifest -- --url https://your-worker.example.com",
  );
  process.exit(2);
}
if (!/^\/[a-z0-9_-]{1,31}$/.test(values.command)) {
  console.error(`"${values.command}" is not a valid slash command (like /cop).`);
  process.exit(2);
}
// On stderr, so the manifest alone can be piped into a file.
if (note) console.error(note);
console.log(JSON.stringify(slackManifest(registry, baseUrl, values.command), null, 2));
