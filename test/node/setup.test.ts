import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStandins } from "../../scripts/standins/index.ts";
import {
  changes,
  makeProject,
  readWorld,
  resources,
  runSetup,
  SECRETS,
  setupStandins,
  writeWorld,
} from "./support/setup-run.ts";

let standins: RunningStandins;
let env: Record<string, string>;
beforeAll(async () => {
  ({ standins, env } = await setupStandins());
});
afterAll(() => standins.close());

const BOTH = ["--yes", "--platforms", "slack,discord"];

describe("npm run setup", () => {
  it("without a terminal shows the plan and changes nothing", async () => {
    const dir = makeProject();
    const run = await runSetup(dir, [], env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("showing the plan only");
    expect(run.out).toMatch(/database: find or create D1 guyub/);
    expect(readWorld(dir)).toBeUndefined();
    expect(existsSync(join(dir, ".guyub-setup.json"))).toBe(false);
    expect(existsSync(join(dir, "wrangler.deploy.toml"))).toBe(false);
    const dry = await runSetup(dir, ["--dry-run", ...BOTH], env);
    expect(dry.out).toContain("Dry run");
    // The plan follows --platforms even though a dry run saves nothing.
    expect(dry.out).toMatch(/slack: ask for the Slack app's secrets/);
    expect(dry.out).toMatch(/discord-commands: register the Discord commands/);
    expect(readWorld(dir)).toBeUndefined();
  });

  it("sets up a fresh account in order: resources, migrations before the code, secrets, commands, links", async () => {
    const dir = makeProject();
    const toml = readFileSync(join(dir, "wrangler.toml"), "utf8");
    const run = await runSetup(dir, BOTH, env);
    expect(run.code, run.err + run.out).toBe(0);
    const world = readWorld(dir);
    if (!world) throw new Error("no wrangler call");
    expect(resources(world)).toEqual({
      databases: ["guyub"],
      queues: ["guyub-dead", "guyub-jobs", "guyub-outbox"],
      secrets: [
        "DISCORD_APPLICATION_ID",
        "DISCORD_BOT_TOKEN",
        "DISCORD_PUBLIC_KEY",
        "PUBLIC_URL",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "SLACK_SIGNING_SECRET",
        "TOKEN_ENCRYPTION_KEY",
      ],
      migrations: expect.arrayContaining(["0001_init.sql"]),
      codeDeploys: 1,
    });
    // Every migration was applied before the code that needs it was deployed.
    expect(world.deployments[0]?.migrationsApplied).toBe(world.migrations.length);
    expect(Buffer.from(world.secrets.TOKEN_ENCRYPTION_KEY ?? "", "base64")).toHaveLength(32);
    expect(world.secrets.PUBLIC_URL).toBe("https://guyub.volunteer.workers.dev");
    // Every call after the login check names the chosen account.
    expect(world.calls.slice(1).every((c) => c.account === "acc1")).toBe(true);
    // The tracked config is untouched; the ids live in the git-ignored deploy config.
    expect(readFileSync(join(dir, "wrangler.toml"), "utf8")).toBe(toml);
    const deployConfig = readFileSync(join(dir, "wrangler.deploy.toml"), "utf8");
    expect(deployConfig).toContain(`database_id = "${world.databases[0]?.uuid}"`);
    expect(deployConfig).toContain('account_id = "acc1"');
    expect(JSON.parse(readFileSync(join(dir, ".guyub-setup.json"), "utf8"))).not.toHaveProperty("secrets");
    // The links and what to do.
    expect(run.out).toContain('"request_url": "https://guyub.volunteer.workers.dev/slack/events"');
    expect(run.out).toContain("https://api.slack.com/apps?new_app=1");
    expect(run.out).toContain("https://guyub.volunteer.workers.dev/slack/install");
    expect(run.out).toContain("press Retry");
    expect(run.out).toContain(
      `https://discord.com/oauth2/authorize?client_id=${SECRETS.DISCORD_APPLICATION_ID}&scope=bot+applications.commands&permissions=68608`,
    );
    const registered = await fetch(
      `${standins.url}/discord/api/v10/applications/${SECRETS.DISCORD_APPLICATION_ID}/commands`,
      { headers: { authorization: `Bot ${SECRETS.DISCORD_BOT_TOKEN}` } },
    );
    expect(((await registered.json()) as Array<{ name: string }>).map((c) => c.name)).toContain("cop");
  });

  it("run again, changes nothing", async () => {
    const dir = makeProject();
    expect((await runSetup(dir, BOTH, env)).code).toBe(0);
    const first = readWorld(dir);
    if (!first) throw new Error("no wrangler call");
    const second = await runSetup(dir, BOTH, env);
    expect(second.code, second.err).toBe(0);
    const after = readWorld(dir);
    if (!after) throw new Error("no wrangler call");
    expect(after.secrets).toEqual(first.secrets);
    expect(resources(after)).toEqual(resources(first));
    expect(changes({ ...after, calls: after.calls.slice(first.calls.length) })).toEqual([]);
    expect(second.out).toContain("deployed (unchanged)");
    expect(second.out).toContain("Discord commands (unchanged)");
  });

  it("never asks a Slack-only deployment for Discord's secrets, nor a Discord-only one for Slack's", async () => {
    const slackOnly = makeProject();
    const { DISCORD_APPLICATION_ID, DISCORD_BOT_TOKEN, DISCORD_PUBLIC_KEY, ...slack } = SECRETS;
    const run = await runSetup(slackOnly, ["--yes", "--platforms", "slack"], slack);
    expect(run.code, run.err).toBe(0);
    expect(Object.keys(readWorld(slackOnly)?.secrets ?? {}).filter((s) => s.startsWith("DISCORD"))).toEqual(
      [],
    );
    expect(run.out + run.err).not.toContain("DISCORD");

    const discordOnly = makeProject();
    const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET, ...discord } = env;
    const other = await runSetup(discordOnly, ["--yes", "--platforms", "discord"], discord);
    expect(other.code, other.err).toBe(0);
    expect(Object.keys(readWorld(discordOnly)?.secrets ?? {}).filter((s) => s.startsWith("SLACK"))).toEqual(
      [],
    );
    expect(other.out + other.err).not.toContain("SLACK_");
  });

  it("refuses a secret that does not look like one, naming where it is found, and stores nothing of it", async () => {
    const dir = makeProject();
    const run = await runSetup(dir, ["--yes", "--platforms", "slack"], {
      ...SECRETS,
      SLACK_SIGNING_SECRET: "xoxb-pasted-in-the-wrong-place",
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain("does not look like SLACK_SIGNING_SECRET");
    expect(run.err).toContain("Basic Information → App Credentials → Signing Secret");
    expect(Object.keys(readWorld(dir)?.secrets ?? {}).filter((s) => s.startsWith("SLACK"))).toEqual([]);
  });
});

describe("npm run setup with a key ring given (TOKEN_ENCRYPTION_KEYS)", () => {
  const newKey = () => randomBytes(32).toString("base64");

  /** A set-up deployment whose remote D1 holds one Slack installation sealed under the generated key k0. */
  async function deployedWithTokens() {
    const dir = makeProject();
    expect((await runSetup(dir, BOTH, env)).code).toBe(0);
    const world = readWorld(dir);
    if (!world) throw new Error("no wrangler call");
    world.installations = [
      {
        id: 7,
        platform: "slack",
        workspace_id: "T0OLDKEY",
        bot_token: "v1:k0:aXY:Y3Q",
        refresh_token: "v1:k0:aXY:cmY",
      },
    ];
    writeWorld(dir, world);
    return { dir, k0: world.secrets.TOKEN_ENCRYPTION_KEY ?? "", calls: world.calls.length };
  }

  it("refuses a ring that drops a key stored tokens still use, naming the rows, and stores nothing", async () => {
    const { dir, calls } = await deployedWithTokens();
    const run = await runSetup(dir, BOTH, { ...env, TOKEN_ENCRYPTION_KEYS: `k2:${newKey()}` });
    expect(run.code).not.toBe(0);
    const said = run.out + run.err;
    expect(said).toContain('lacks key "k0"');
    expect(said).toContain('installation 7 (slack T0OLDKEY) bot_token under key "k0"');
    expect(said).toContain('installation 7 (slack T0OLDKEY) refresh_token under key "k0"');
    expect(said).toContain("until the re-encryption");
    const world = readWorld(dir);
    expect(world?.secrets).not.toHaveProperty("TOKEN_ENCRYPTION_KEYS");
    const after = world?.calls.slice(calls).map((c) => c.args.slice(0, 2).join(" "));
    expect(after).toContain("d1 execute");
    expect(after).not.toContain("secret bulk");
    const query = world?.calls.find((c) => c.args[1] === "execute")?.args ?? [];
    expect(query).toEqual(expect.arrayContaining(["DB", "--remote", "--json", "-c", "wrangler.deploy.toml"]));
  });

  it("stores a ring that keeps the old key after the new one, once", async () => {
    const { dir, k0 } = await deployedWithTokens();
    const ring = `k2:${newKey()},k0:${k0}`;
    const run = await runSetup(dir, BOTH, { ...env, TOKEN_ENCRYPTION_KEYS: ring });
    expect(run.code, run.err + run.out).toBe(0);
    expect(run.out).toContain("key ring checked: 2 stored tokens, active key k2, 2 to re-encrypt");
    const world = readWorld(dir);
    expect(world?.secrets.TOKEN_ENCRYPTION_KEYS).toBe(ring);
    expect(readFileSync(join(dir, ".guyub-setup.json"), "utf8")).not.toContain(k0);
    const again = await runSetup(dir, BOTH, { ...env, TOKEN_ENCRYPTION_KEYS: ring });
    expect(again.code).toBe(0);
    const later = readWorld(dir);
    expect(
      later?.calls.slice(world?.calls.length).some((c) => c.args[0] === "secret" && c.args[1] === "bulk"),
    ).toBe(false);
  });
});
