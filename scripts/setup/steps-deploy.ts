import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SetupError, type Step } from "./context.ts";
import { deployFingerprint } from "./deploy-config.ts";
import { checkGivenKeyRing, givenKeyRing, KEY_RING_NAMES, keyRingFingerprint } from "./key-ring-check.ts";
import { GENERATED } from "./secrets.ts";
import { putSecrets, storedSecrets } from "./secrets-store.ts";
import { DEPLOY_CONFIG } from "./state.ts";
import { WranglerError } from "./wrangler.ts";

/** The URLs a deploy reports in wrangler's output file (`WRANGLER_OUTPUT_FILE_PATH`, ND-JSON). */
function deployedTargets(outputFile: string): string[] {
  const entries = readFileSync(outputFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type?: string; targets?: string[] });
  return entries.findLast((e) => e.type === "deploy")?.targets ?? [];
}

/**
 * Step 4: deploy, non-interactively (no terminal on wrangler's stdin), with the generated config;
 * skipped when the same code and config are already deployed.
 */
export const deployStep: Step = {
  name: "deploy",
  plan: (state) => (state.deployed ? "deploy if the code or config changed" : "deploy the Worker"),
  async run(context) {
    const config = readFileSync(join(context.root, DEPLOY_CONFIG), "utf8");
    const fingerprint = deployFingerprint(context.root, config);
    if (context.state.deployed === fingerprint && context.state.publicUrl) {
      context.io.say(`✓ deployed (unchanged) at ${context.state.publicUrl}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "guyub-deploy-"));
    try {
      const outputFile = join(dir, "output.json");
      const args = ["deploy", "-c", DEPLOY_CONFIG];
      const result = await context.wrangler(args, { env: { WRANGLER_OUTPUT_FILE_PATH: outputFile } });
      if (result.code !== 0) throw new WranglerError(args, result);
      const url = context.url ?? deployedTargets(outputFile).find((t) => t.startsWith("https://"));
      if (!url)
        throw new SetupError(
          "The deploy reported no https address (is workers.dev turned off?). Give yours: npm run setup -- --url https://…",
        );
      context.state.publicUrl = url.replace(/\/+$/, "");
      context.state.deployed = fingerprint;
      context.save();
      context.io.say(`✓ deployed at ${context.state.publicUrl}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Step 3 (what needs no platform): the secrets guyub makes itself, and PUBLIC_URL. */
export const generatedSecretsStep: Step = {
  name: "secrets",
  plan: () =>
    `store ${Object.keys(GENERATED).join(", ")} (generated) and PUBLIC_URL if missing; a TOKEN_ENCRYPTION_KEYS given is checked against the stored tokens first`,
  async run(context) {
    const stored = await storedSecrets(context);
    const missing: Record<string, string> = {};
    // A key ring the operator gives (a rotation) is checked against the stored tokens first; without
    // one, the key is generated once and never replaced.
    const given = givenKeyRing(context.env);
    const fingerprint = given ? keyRingFingerprint(given) : undefined;
    const givenNew =
      given !== null &&
      (context.state.tokenKeys !== fingerprint || Object.keys(given).some((name) => !stored.has(name)));
    if (given && givenNew) {
      await checkGivenKeyRing(context, given);
      Object.assign(missing, given);
    }
    if (!given)
      for (const [name, make] of Object.entries(GENERATED)) if (!stored.has(name)) missing[name] = make();
    const url = context.state.publicUrl;
    if (!url) throw new Error("the deploy step comes first");
    if (!stored.has("PUBLIC_URL") || context.state.publicUrlSecret !== url) missing.PUBLIC_URL = url;
    await putSecrets(context, missing);
    if (missing.PUBLIC_URL) context.state.publicUrlSecret = url;
    if (givenNew) context.state.tokenKeys = fingerprint;
    if (missing.PUBLIC_URL || givenNew) context.save();
    const keyNames = given ? KEY_RING_NAMES.filter((name) => name in given) : Object.keys(GENERATED);
    context.io.say(`✓ secrets ${[...keyNames, "PUBLIC_URL"].join(", ")}`);
  },
};
