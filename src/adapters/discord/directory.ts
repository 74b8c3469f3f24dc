import { z } from "zod";
import { DirectoryError, type MemberDirectory } from "../../core/membership/directory.ts";

/**
 * `GET /guilds/{id}/members` pages by user id (`after`), at most 1,000 members a page, and needs
 * the privileged GUILD_MEMBERS intent (without it Discord answers 403 Missing Access). Its route
 * bucket allows about ten calls in ten seconds: ten pages a run (10,000 members) without waiting;
 * a 429 ends the run and the next quarter-hour carries on from the saved cursor.
 */
export const DISCORD_DIRECTORY = { pageSize: 1000, pageIntervalMs: 0, pagesPerRun: 10 } as const;

const members = z
  .array(
    z.looseObject({
      user: z.looseObject({
        id: z.string().regex(/^\d{1,20}$/),
        username: z.string().max(64).optional(),
        global_name: z.string().max(64).nullish(),
        bot: z.boolean().optional(),
      }),
      nick: z.string().max(64).nullish(),
      joined_at: z.string().max(64).nullish(),
    }),
  )
  .max(1000);

export interface DiscordDirectoryConfig {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly guildId: string;
  readonly timeoutMs?: number;
}

/** A Discord server's member list. */
export function createDiscordDirectory(config: DiscordDirectoryConfig): MemberDirectory {
  const base = config.apiUrl.replace(/\/+$/, "");
  return {
    pageIntervalMs: DISCORD_DIRECTORY.pageIntervalMs,
    pagesPerRun: DISCORD_DIRECTORY.pagesPerRun,
    async page(cursor) {
      const query = new URLSearchParams({ limit: String(DISCORD_DIRECTORY.pageSize), after: cursor ?? "0" });
      let response: Response;
      try {
        response = await fetch(`${base}/guilds/${config.guildId}/members?${query}`, {
          headers: { authorization: `Bot ${config.botToken}` },
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new DirectoryError("failed", `guild members: ${String(error).slice(0, 200)}`);
      }
      if (!response.ok) throw await failure(response, () => stillInGuild(base, config));
      const parsed = members.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw new DirectoryError("failed", "guild members answered in an unexpected shape");
      const page = parsed.data;
      const last = page.at(-1)?.user.id;
      return {
        members: page.map((m) => ({
          userId: m.user.id,
          displayName: m.nick ?? m.user.global_name ?? m.user.username ?? null,
          isBot: m.user.bot === true,
          deleted: false,
          joinedAt: isoOrNull(m.joined_at),
        })),
        // A full page may have more after it; a short one is the end.
        next: page.length === DISCORD_DIRECTORY.pageSize && last ? last : null,
      };
    },
  };
}

function isoOrNull(text: string | null | undefined): string | null {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

async function failure(response: Response, inGuild: () => Promise<boolean>): Promise<DirectoryError> {
  const body = (await response.json().catch(() => ({}))) as { code?: number; message?: string };
  const what = `guild members: ${response.status} ${body.code ?? ""} ${body.message ?? ""}`.trim();
  if (response.status === 429) return new DirectoryError("rate_limited", what);
  // 10004 Unknown Guild: the bot was removed. 50001 is also what a bot without the Server Members
  // Intent gets, so the server itself is asked: a bot still in it may read its roles.
  if (body.code === 10004 || (body.code === 50001 && !(await inGuild())))
    return new DirectoryError("gone", `${what}: guyub is no longer in this server`);
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    // 403 50001 is what a bot without the Server Members Intent gets.
    return new DirectoryError("no_access", `${what} (the Server Members Intent?)`);
  }
  return new DirectoryError("failed", what);
}

/** Whether the bot can still read the server's roles (anything but 50001/10004 counts as yes). */
async function stillInGuild(base: string, config: DiscordDirectoryConfig): Promise<boolean> {
  try {
    const response = await fetch(`${base}/guilds/${config.guildId}/roles`, {
      headers: { authorization: `Bot ${config.botToken}` },
      signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
    });
    if (response.ok) return true;
    const body = (await response.json().catch(() => ({}))) as { code?: number };
    return body.code !== 50001 && body.code !== 10004;
  } catch {
    return true;
  }
}
