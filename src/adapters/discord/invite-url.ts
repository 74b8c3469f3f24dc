/**
 * The URL a Discord server's owner (or anyone with Manage Server) opens to add guyub: Discord's
 * bot authorization flow with the scopes guyub needs and the least permissions:
 * View Channels (1 << 10), Send Messages (1 << 11) and Read Message History (1 << 16), which the
 * activity job needs (without it Discord answers a history read with an empty list, not an error).
 */
export const INVITE_SCOPES = ["bot", "applications.commands"] as const;
export const INVITE_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);

const SNOWFLAKE = /^\d{1,20}$/;

/** Null when the application id is not a Discord id (no link is better than a broken one). */
export function discordInviteUrl(applicationId: string): string | null {
  if (!SNOWFLAKE.test(applicationId)) return null;
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(" "),
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query}`;
}
