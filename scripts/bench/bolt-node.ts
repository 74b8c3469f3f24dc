/**
 * Reference for `npm run bench`: the smallest @slack/bolt app on its default Node HTTP receiver,
 * acking `/cop` at once. run.ts starts it as a child process pinned to core 0 and measures its CPU.
 * Environment: BOLT_SIGNING_SECRET, BOLT_PORT (0 = any free port). Prints
 * `{"event":"ready","port":N}` on stdout once listening; stops on SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";

// If run.ts dies without stopping us (SIGKILL, a killed tsx parent), do not linger as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();

async function main(): Promise<void> {
  const signingSecret = process.env.BOLT_SIGNING_SECRET;
  if (!signingSecret) throw new Error("BOLT_SIGNING_SECRET is not set: run this through `npm run bench`.");
  const port = Number(process.env.BOLT_PORT ?? 0);
  const app = new App({
    signingSecret,
    // botId and botUserId too, or Bolt calls auth.test on every request.
    authorize: async () => ({ botToken: "xoxb-x", botId: "B1", botUserId: "U1" }),
    port,
  });
  app.command("/cop", async ({ ack }) => {
    await ack();
  });
  // Listen on localhost only: the bench never exposes anything beyond 127.0.0.1.
  const server = await app.start({ port, host: "127.0.0.1" });
  const address = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ event: "ready", port: address.port })}\n`);
  process.once("SIGTERM", () => {
    app.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bolt-node failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
