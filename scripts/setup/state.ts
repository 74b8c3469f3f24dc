import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Platform = "slack" | "discord" | "telegram";

/**
 * What setup learned and did, kept between runs (git-ignored) so a failed run resumes and a
 * second run changes nothing. It holds ids and fingerprints, never a secret's value.
 */
export interface SetupState {
  accountId?: string;
  databaseId?: string;
  platforms?: Platform[];
  /** Fingerprint of the code and config last deployed. */
  deployed?: string;
  publicUrl?: string;
  /** The PUBLIC_URL value last stored as a secret. */
  publicUrlSecret?: string;
  /** Not secret (it is in every install URL); kept to print the Discord invite on later runs. */
  discordApplicationId?: string;
  /** Fingerprint of the command definitions last registered with Discord. */
  discordCommands?: string;
  /** The Telegram bot's username (not secret: it is in every t.me link). */
  telegramBot?: string;
  /** Fingerprint of the bot token last stored (never the token). */
  telegramToken?: string;
  /** Fingerprint of the webhook address and update types last given to `setWebhook`. */
  telegramWebhook?: string;
  /** Fingerprint of the command menus last given to `setMyCommands`. */
  telegramCommands?: string;
  /** SHA-256 of the key ring last given and stored (TOKEN_ENCRYPTION_KEYS/KEY), never the ring. */
  tokenKeys?: string;
}

export const STATE_FILE = ".guyub-setup.json";
export const DEPLOY_CONFIG = "wrangler.deploy.toml";

export function readState(root: string): SetupState {
  const path = join(root, STATE_FILE);
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, "utf8")) as SetupState;
}

/** Written whole through a temporary file: an interrupted write never leaves half a state. */
export function writeState(root: string, state: SetupState): void {
  const path = join(root, STATE_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
