import type { PlainKey, Translator } from "../../core/i18n/index.ts";
import { PERMISSION } from "./permissions.ts";

/**
 * How a server adds guyub: the OAuth2 scopes and the least permissions it needs, each with the
 * reason a moderator reads before saying yes. This is the one list: `npm run discord:invite`
 * prints it, the health page shows the same URL, the activity job checks the reading ones in
 * every channel it reads, and the stand-in's managed role carries exactly these bits.
 */
export const DISCORD_SCOPES = [
  { scope: "bot", why: "install.discord.scope.bot" },
  { scope: "applications.commands", why: "install.discord.scope.commands" },
] as const satisfies readonly { scope: string; why: PlainKey }[];

export interface InstallPermission {
  /** Discord's own name, as the server's role settings show it. */
  readonly name: string;
  readonly bit: bigint;
  readonly why: PlainKey;
}

/**
 * Left out on purpose: Embed Links (guyub's Discord messages are text and buttons, no embeds; a
 * link it posts still works, only without a preview), Send Messages in Threads (needed only if a
 * moderator makes a thread the main channel; the channel check then says so), Mention Everyone
 * and Manage anything (guyub notifies only the people a message names, and changes nothing).
 * DMs need no permission, only a server in common.
 */
export const DISCORD_PERMISSIONS: readonly InstallPermission[] = [
  { name: "View Channels", bit: PERMISSION.VIEW_CHANNEL, why: "install.discord.viewChannel" },
  { name: "Send Messages", bit: PERMISSION.SEND_MESSAGES, why: "install.discord.sendMessages" },
  // Without it Discord answers a history read with an empty list, not an error.
  { name: "Read Message History", bit: PERMISSION.READ_MESSAGE_HISTORY, why: "install.discord.readHistory" },
];

/** The permissions integer of the install URL (the bits of {@link DISCORD_PERMISSIONS} OR'ed). */
export function discordInstallPermissions(): bigint {
  return DISCORD_PERMISSIONS.reduce((bits, p) => bits | p.bit, 0n);
}

const SNOWFLAKE = /^\d{1,20}$/;

/**
 * The URL a server's owner (or anyone with Manage Server) opens to add guyub: Discord's bot
 * authorization flow. `guildId` preselects a server in Discord's picker.
 *
 * @example discordInstallUrl("1234567890") // https://discord.com/oauth2/authorize?client_id=1234567890&scope=bot+applications.commands&permissions=68608
 */
export function discordInstallUrl(applicationId: string, options: { guildId?: string } = {}): string {
  if (!SNOWFLAKE.test(applicationId))
    throw new Error(`DISCORD_APPLICATION_ID must be the application's numeric id, not "${applicationId}".`);
  if (options.guildId !== undefined && !SNOWFLAKE.test(options.guildId))
    throw new Error(`A server id is numeric, not "${options.guildId}".`);
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: DISCORD_SCOPES.map((s) => s.scope).join(" "),
    permissions: discordInstallPermissions().toString(),
    ...(options.guildId ? { guild_id: options.guildId } : {}),
  });
  return `https://discord.com/oauth2/authorize?${query}`;
}

/** The install link and what it asks for, each with its reason in the reader's language. */
export interface DiscordInstall {
  readonly url: string;
  /** The permissions integer of the URL, as a decimal string (Discord's own notation). */
  readonly permissions: string;
  readonly asks: readonly { readonly what: string; readonly why: string }[];
}

/**
 * Everything a moderator needs to add guyub to a server: `npm run discord:invite` prints it and
 * the health page shows it. Throws on an application id that is not a snowflake.
 */
export function describeDiscordInstall(
  applicationId: string,
  t: Translator,
  options: { guildId?: string } = {},
): DiscordInstall {
  return {
    url: discordInstallUrl(applicationId, options),
    permissions: discordInstallPermissions().toString(),
    asks: [
      ...DISCORD_SCOPES.map((s) => ({ what: `scope ${s.scope}`, why: t(s.why) })),
      ...DISCORD_PERMISSIONS.map((p) => ({ what: p.name, why: t(p.why) })),
    ],
  };
}
