import { env } from "cloudflare:workers";
import { registry } from "../../src/core/commands/index.ts";
import { type CommandRoot, MEMBER_ROOT, MODERATOR_ROOT, rootOf } from "../../src/core/commands/roots.ts";

export const GUILD = "200000000000000001";
export const DISCORD_MEMBER = "300000000000000001";
export const DISCORD_MODERATOR = "300000000000000002";
export const MANAGE_GUILD = String(1n << 5n);

let privateKey: Promise<CryptoKey> | undefined;
function key(): Promise<CryptoKey> {
  privateKey ??= crypto.subtle.importKey(
    "pkcs8",
    Uint8Array.from(atob(env.TEST_DISCORD_PRIVATE_KEY), (c) => c.charCodeAt(0)),
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  return privateKey;
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Signs like Discord: Ed25519 over timestamp + body. */
export async function signDiscord(timestamp: string, body: string): Promise<string> {
  return hex(await crypto.subtle.sign("Ed25519", await key(), new TextEncoder().encode(timestamp + body)));
}

export async function signedDiscord(
  payload: unknown,
  options: { timestamp?: number; signature?: string | null; body?: string } = {},
): Promise<Request> {
  const body = options.body ?? JSON.stringify(payload);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.signature === undefined ? await signDiscord(timestamp, body) : options.signature;
  const headers: Record<string, string> = {
    // As Discord sends it (and what the app's hot path for interactions requires).
    "content-length": String(new TextEncoder().encode(body).length),
    "content-type": "application/json",
    "x-signature-timestamp": timestamp,
  };
  if (signature !== null) headers["x-signature-ed25519"] = signature;
  return new Request("https://guyub.test/discord/interactions", { method: "POST", headers, body });
}

interface CommandOptions {
  user?: string;
  permissions?: string;
  roles?: string[];
  guildLocale?: string;
  /** The member's own client language (`locale`); en-US unless given. */
  locale?: string;
  guildId?: string | null;
  /** The top-level command (`data.name`): `cop` unless given. */
  root?: CommandRoot;
}

let interactionSeq = 0n;
/** A fresh interaction id per call, as Discord gives every interaction its own snowflake. */
export function nextInteractionId(): string {
  interactionSeq += 1n;
  return String(400000000000000000n + BigInt(Date.now()) * 1000n + interactionSeq);
}

/** A `/cop …` (or `o.root`) application-command interaction; `options` is the option tree under it. */
export function commandInteraction(options: unknown[], o: CommandOptions = {}) {
  const user = { id: o.user ?? DISCORD_MEMBER, username: "ayu", global_name: "Ayu" };
  return {
    id: nextInteractionId(),
    type: 2,
    application_id: env.DISCORD_APPLICATION_ID,
    token: "interaction-token",
    ...(o.guildId === null ? { user } : { guild_id: o.guildId ?? GUILD }),
    guild_locale: o.guildLocale ?? "en-US",
    locale: o.locale ?? "en-US",
    ...(o.guildId === null
      ? {}
      : { member: { user, permissions: o.permissions ?? "0", roles: o.roles ?? [], nick: null } }),
    data: {
      id: o.root === "copmod" ? "500000000000000002" : "500000000000000001",
      name: o.root ?? "cop",
      type: 1,
      options,
    },
  };
}

/** A `/copmod …` interaction: the moderators' command. */
export function moderatorInteraction(options: unknown[], o: Omit<CommandOptions, "root"> = {}) {
  return commandInteraction(options, { ...o, root: MODERATOR_ROOT });
}

/**
 * The root the registry puts the command of an option tree under, for helpers that run any
 * command (the tests that send a word under the wrong root name it themselves).
 */
export function rootOfOptions(options: readonly unknown[]): CommandRoot {
  const first = options[0] as { type: number; name: string; options?: { name: string }[] } | undefined;
  const path = first?.type === 2 ? [first.name, first.options?.[0]?.name ?? ""] : [first?.name ?? "help"];
  const command = registry.find(path);
  return command ? rootOf(command) : MEMBER_ROOT;
}

export const sub = (name: string, options: unknown[] = []) => ({ type: 1, name, options });
export const group = (name: string, subcommand: unknown) => ({ type: 2, name, options: [subcommand] });
export const str = (name: string, value: string) => ({ type: 3, name, value });
