import type { TelegramClient } from "./client.ts";

/** How long an isolate trusts a group's administrator list (a demoted admin is refused within it). */
export const ADMINS_CACHE_MS = 60_000;
const MAX_GROUPS = 1_000;

interface Entry {
  readonly at: number;
  readonly ids: Promise<ReadonlySet<string>>;
}

const cache = new Map<string, Entry>();

/**
 * Whether `userId` administers the group, from `getChatAdministrators` (owner and administrators),
 * kept briefly per isolate: moderator commands come in bursts, and Telegram limits calls. A failed
 * call is not kept, and throws: core then says it cannot tell, never guesses.
 */
export async function isGroupAdmin(
  client: TelegramClient,
  chatId: number,
  userId: string,
  now: number,
  cacheKey = "",
): Promise<boolean> {
  const key = `${cacheKey}\n${chatId}`;
  let entry = cache.get(key);
  if (!entry || now - entry.at >= ADMINS_CACHE_MS || now < entry.at) {
    const ids = client
      .call<Array<{ status?: string; user?: { id?: number } }>>("getChatAdministrators", { chat_id: chatId })
      .then((list) => new Set(list.map((m) => String(m.user?.id ?? ""))));
    entry = { at: now, ids };
    cache.delete(key);
    if (cache.size >= MAX_GROUPS) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
    ids.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
  }
  return (await entry.ids).has(userId);
}
