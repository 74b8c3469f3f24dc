import { z } from "zod";
import { basePermissions, has, PERMISSION } from "./permissions.ts";

const snowflake = z.string().regex(/^\d{1,20}$/);
const bits = z.string().regex(/^\d{1,40}$/);
const guild = z.looseObject({
  id: snowflake,
  owner_id: snowflake,
  roles: z.array(z.looseObject({ id: snowflake, permissions: bits })).max(1000),
});
const member = z.looseObject({ roles: z.array(snowflake).max(1000) });

export interface DiscordModeratorCheck {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly timeoutMs?: number;
}

/**
 * Whether a user moderates a server by Discord's own rules, asked now (the dashboard's re-check,
 * outside any interaction, so no `member.permissions` came with a payload): the server's owner,
 * Manage Server or Administrator through any role (permissions.ts computes as Discord documents),
 * or the community's moderator role. `GET /guilds/{id}` (owner and roles) and the guild member,
 * in parallel. Someone no longer in the server (404 Unknown Member) is not; anything else Discord
 * does not answer throws, so the caller says "cannot tell" rather than guess.
 */
export async function isDiscordModerator(
  config: DiscordModeratorCheck,
  guildId: string,
  userId: string,
  moderatorRoleId: string | null,
): Promise<boolean> {
  const base = config.apiUrl.replace(/\/+$/, "");
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bot ${config.botToken}` },
      signal: AbortSignal.timeout(config.timeoutMs ?? 2500),
    });
    const body: unknown = await response.json().catch(() => undefined);
    return { status: response.status, body };
  };
  const [server, person] = await Promise.all([
    get(`/guilds/${guildId}`),
    get(`/guilds/${guildId}/members/${userId}`),
  ]);
  if (person.status === 404 && (person.body as { code?: unknown } | undefined)?.code === 10007) return false;
  const g = guild.safeParse(server.body);
  const m = member.safeParse(person.body);
  if (server.status !== 200 || person.status !== 200 || !g.success || !m.success)
    throw new Error(`discord moderator check: guild ${server.status}, member ${person.status}`);
  if (g.data.owner_id === userId) return true;
  if (moderatorRoleId !== null && m.data.roles.includes(moderatorRoleId)) return true;
  const permissions = basePermissions(guildId, g.data.roles, m.data.roles);
  return has(permissions, PERMISSION.MANAGE_GUILD) || has(permissions, PERMISSION.ADMINISTRATOR);
}
