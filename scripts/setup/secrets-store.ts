import { type SetupContext, SetupError } from "./context.ts";
import { type AskedSecret, secretNames } from "./secrets.ts";
import { DEPLOY_CONFIG } from "./state.ts";
import { must } from "./wrangler.ts";

/** The names of the secrets the deployed Worker has (values are never readable back). */
export async function storedSecrets(context: SetupContext): Promise<Set<string>> {
  return secretNames(
    await must(context.wrangler, ["secret", "list", "--format", "json", "-c", DEPLOY_CONFIG]),
  );
}

/** Stores secrets in one `wrangler secret bulk` (JSON on stdin: no value on disk or in argv). */
export async function putSecrets(context: SetupContext, values: Record<string, string>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await must(context.wrangler, ["secret", "bulk", "-c", DEPLOY_CONFIG], { input: JSON.stringify(values) });
}

/**
 * A platform secret's value: from this run, the environment, or the volunteer (told where to find
 * it). Without a terminal a missing one stops setup with the variable to set.
 */
export async function secretValue(context: SetupContext, secret: AskedSecret): Promise<string> {
  const known = context.values.get(secret.name) ?? context.env[secret.name];
  let value = known?.trim();
  while (!value || !secret.pattern.test(value)) {
    if (value)
      context.io.say(`  That does not look like ${secret.name}; copy it again from: ${secret.where}`);
    const answer = await context.io.ask(`${secret.name} (${secret.where}): `);
    if (answer === undefined)
      throw new SetupError(`${secret.name} is needed: set it in the environment (found at ${secret.where}).`);
    value = answer.trim();
  }
  context.values.set(secret.name, value);
  return value;
}
