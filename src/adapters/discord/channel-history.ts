import { z } from "zod";
import { type ChannelHistory, type ReadAccess, snowflakeTime } from "../../core/activity/history.ts";
import { DirectoryError } from "../../core/membership/directory.ts";
import { type BotPermissionsIn, createBotPermissions } from "./lookups.ts";
import { has, PERMISSION } from "./permissions.ts";

/** Discord's largest page of `GET /channels/{id}/messages`. */
export const HISTORY_PAGE = 100;
/** Message types a person makes by writing: a message (0) and a reply (19). */
const WRITTEN = new Set([0, 19]);

const page = z
  .array(
    z.looseObject({
      id: z.string().regex(/^\d{1,20}$/),
      type: z.number().int(),
      webhook_id: z.string().max(32).optional(),
      author: z.looseObject({ id: z.string().regex(/^\d{1,20}$/), bot: z.boolean().optional() }),
    }),
  )
  .max(HISTORY_PAGE);

export interface DiscordHistoryConfig {
  readonly apiUrl: string;
  readonly botToken: string;
  /** The server whose channels are read. */
  readonly guildId: string;
  /** The bot's user id (its application's id), for its own permissions. */
  readonly botId: string;
  readonly timeoutMs?: number;
}

/**
 * Channel history through REST: `?after=<id>&limit=100` returns the 100 messages right after
 * `after`, newest first; the job walks forward from its saved id. Needs View Channel (else 403
 * 50001) and Read Message History: without the latter Discord answers with an empty list, not an
 * error, so `access` computes guyub's own permissions there before an empty page is believed.
 */
export function createDiscordHistory(config: DiscordHistoryConfig): ChannelHistory {
  const base = config.apiUrl.replace(/\/+$/, "");
  const bot = createBotPermissions(config);
  return {
    access: async (channelId) => readAccess(await bot.inChannel(channelId)),
    async page(channelId, after) {
      const query = new URLSearchParams({ after, limit: String(HISTORY_PAGE) });
      let response: Response;
      try {
        response = await fetch(`${base}/channels/${channelId}/messages?${query}`, {
          headers: { authorization: `Bot ${config.botToken}` },
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new DirectoryError("failed", `channel messages: ${String(error).slice(0, 200)}`);
      }
      if (!response.ok) {
        const what = `channel messages: ${response.status}`;
        if (response.status === 429) throw new DirectoryError("rate_limited", what);
        if ([401, 403, 404].includes(response.status)) throw new DirectoryError("no_access", what);
        throw new DirectoryError("failed", what);
      }
      const parsed = page.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw new DirectoryError("failed", "channel messages answered in an unexpected shape");
      const newest = parsed.data.reduce<string | null>(
        (max, m) => (max === null || BigInt(m.id) > BigInt(max) ? m.id : max),
        null,
      );
      const people = parsed.data.filter(
        (m) => WRITTEN.has(m.type) && m.author.bot !== true && m.webhook_id === undefined,
      );
      return {
        messages: people.map((m) => ({ id: m.id, authorId: m.author.id, at: snowflakeTime(m.id) })),
        newest,
        more: parsed.data.length === HISTORY_PAGE,
      };
    },
  };
}

/** What the bot's permissions in a channel mean for reading its messages. */
function readAccess(found: BotPermissionsIn): ReadAccess | null {
  if (!found) return null;
  if (!found.ok) {
    if (found.problem === "not_found") return { ok: false, problem: "gone" };
    return { ok: false, problem: found.problem === "cannot_view" ? "cannot_view" : "no_access" };
  }
  if (!has(found.permissions, PERMISSION.VIEW_CHANNEL)) return { ok: false, problem: "cannot_view" };
  if (!has(found.permissions, PERMISSION.READ_MESSAGE_HISTORY))
    return { ok: false, problem: "cannot_read_history" };
  return { ok: true };
}
