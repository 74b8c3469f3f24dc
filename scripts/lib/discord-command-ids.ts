import { type CommandRoot, isCommandRoot } from "../../src/core/commands/roots.ts";

export interface RegisteredCommandsQuery {
  /** Discord's API base (`DISCORD_API_URL`: locally the stand-in). */
  readonly apiUrl: string;
  readonly applicationId: string;
  readonly botToken: string;
  readonly guildId: string;
}

/**
 * The ids Discord (locally the stand-in) gave `cop` and `copmod` when they were registered
 * (`npm run discord:register`): the server's own registration first, then the global one, as an
 * interaction carries the id of the command the member picked. A root never registered, or an API
 * that cannot be reached, is left out: the caller falls back to a fixed id.
 */
export async function registeredCommandIds(
  query: RegisteredCommandsQuery,
): Promise<Partial<Record<CommandRoot, string>>> {
  const base = `${query.apiUrl.replace(/\/+$/, "")}/applications/${query.applicationId}`;
  const ids: Partial<Record<CommandRoot, string>> = {};
  for (const url of [`${base}/guilds/${query.guildId}/commands`, `${base}/commands`]) {
    const listed = await listCommands(url, query.botToken);
    for (const { name, id } of listed) {
      if (isCommandRoot(name) && ids[name] === undefined) ids[name] = id;
    }
  }
  return ids;
}

async function listCommands(url: string, botToken: string): Promise<{ name: string; id: string }[]> {
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bot ${botToken}` },
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) return [];
    const body = (await response.json()) as unknown;
    if (!Array.isArray(body)) return [];
    return body.filter(
      (c): c is { name: string; id: string } => typeof c?.name === "string" && typeof c?.id === "string",
    );
  } catch {
    // Not running, or not reachable: the fixed ids will do for a local guyub.
    return [];
  }
}
