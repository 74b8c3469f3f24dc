import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type SetupContext, SetupError, type Step } from "./context.ts";
import { deployConfig } from "./deploy-config.ts";
import { DEPLOY_CONFIG } from "./state.ts";
import { must, parseJsonOutput } from "./wrangler.ts";

interface WhoAmI {
  loggedIn: boolean;
  accounts?: Array<{ id: string; name: string }>;
}

/** Step 1: wrangler is logged in, and one account is chosen (and kept for every later call). */
export const accountStep: Step = {
  name: "account",
  plan: (state) =>
    state.accountId ? `use account ${state.accountId}` : "check `wrangler login` and choose the account",
  async run(context) {
    const result = await context.wrangler(["whoami", "--json"]);
    const who = result.code === 0 ? parseJsonOutput<WhoAmI>(result.stdout) : { loggedIn: false };
    if (!who.loggedIn)
      throw new SetupError(
        "wrangler is not logged in: run `npx wrangler login`, then `npm run setup` again.",
      );
    const accounts = who.accounts ?? [];
    const wanted = context.env.CLOUDFLARE_ACCOUNT_ID ?? context.state.accountId;
    let account = accounts.find((a) => a.id === wanted) ?? (accounts.length === 1 ? accounts[0] : undefined);
    if (!account && accounts.length > 1) {
      context.io.say("This login reaches several Cloudflare accounts:");
      for (const [i, a] of accounts.entries()) context.io.say(`  ${i + 1}. ${a.name} (${a.id})`);
      const answer = await context.io.ask("Which one should run guyub? Number: ");
      account = accounts[Number(answer) - 1];
    }
    if (!account)
      throw new SetupError(
        "Choose the Cloudflare account: set CLOUDFLARE_ACCOUNT_ID to one of the ids `npx wrangler whoami` lists.",
      );
    context.state.accountId = account.id;
    context.save();
    context.io.say(`✓ Cloudflare account ${account.name} (${account.id})`);
  },
};

/** Step 2: the D1 database exists before anything migrates or deploys; its id is recorded. */
export const databaseStep: Step = {
  name: "database",
  plan: (state, r) =>
    state.databaseId ? `D1 ${r.databaseName} is ${state.databaseId}` : `find or create D1 ${r.databaseName}`,
  async run(context) {
    const name = context.resources.databaseName;
    if (context.state.databaseId) return context.io.say(`✓ D1 ${name} (${context.state.databaseId})`);
    const find = async () =>
      parseJsonOutput<Array<{ uuid: string; name: string }>>(
        await must(context.wrangler, ["d1", "list", "--json"]),
      ).find((db) => db.name === name);
    let database = await find();
    if (!database) {
      await must(context.wrangler, ["d1", "create", name]);
      database = await find();
    }
    if (!database) throw new SetupError(`D1 ${name} was created but does not show in \`wrangler d1 list\`.`);
    context.state.databaseId = database.uuid;
    context.save();
    context.io.say(`✓ D1 ${name} (${database.uuid})`);
  },
};

/** A queue name in `wrangler queues list`'s table (a cell of its own, not part of another name). */
function listed(table: string, queue: string): boolean {
  const escaped = queue.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[\\s│|])${escaped}([\\s│|]|$)`, "m").test(table);
}

/** Step 2 too: the queues and the dead-letter queue, created when missing. */
export const queuesStep: Step = {
  name: "queues",
  plan: (_state, r) => `create the queues that are missing of ${r.queues.join(", ")}`,
  async run(context) {
    const table = await must(context.wrangler, ["queues", "list"]);
    for (const queue of context.resources.queues) {
      if (!listed(table, queue)) await must(context.wrangler, ["queues", "create", queue]);
      context.io.say(`✓ queue ${queue}`);
    }
  },
};

/** Step 2's record: the deploy config (git-ignored) with this deployment's ids. */
export const configStep: Step = {
  name: "config",
  plan: () => `write ${DEPLOY_CONFIG} (git-ignored) from wrangler.toml and the ids`,
  async run(context) {
    const { accountId, databaseId } = context.state;
    if (!accountId || !databaseId) throw new Error("the account and database steps come first");
    const text = deployConfig(context.toml, { accountId, databaseId });
    const path = join(context.root, DEPLOY_CONFIG);
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) writeFileSync(path, text);
    context.io.say(`✓ ${DEPLOY_CONFIG}`);
  },
};

/** Step 4: migrations before the code that needs them (wrangler applies only the missing ones). */
export const migrationsStep: Step = {
  name: "migrations",
  plan: () => "apply the D1 migrations not applied yet (remote)",
  async run(context: SetupContext) {
    const out = await must(context.wrangler, [
      "d1",
      "migrations",
      "apply",
      "DB",
      "--remote",
      "-c",
      DEPLOY_CONFIG,
    ]);
    context.io.say(/No migrations to apply/.test(out) ? "✓ migrations: none new" : "✓ migrations applied");
  },
};
