import type { Community, Contact, Member } from "../core/model.ts";
import type { CommunityStore } from "../core/ports.ts";

export interface SessionCacheOptions {
  /** How long a looked-up community and member may be reused by this isolate. */
  readonly ttlMs: number;
  /** Bounds memory: the oldest entries go first. */
  readonly maxEntries: number;
  readonly now: () => number;
}

interface Entry {
  readonly community: Community;
  readonly member: Member;
  readonly at: number;
}

const keyOf = (contact: Contact) => `${contact.platform}\n${contact.workspaceId}\n${contact.userId}`;

/**
 * Wraps a store so `find` can be answered from isolate memory for a short time: a member's
 * repeated read-only commands then cost no D1 round trip at all. Every write made through this
 * store drops the entries it could have changed, so an isolate always reads its own writes;
 * other isolates see a change within `ttlMs`. Callers that must not act on stale data
 * (authorization before a moderator command) ask with `{ fresh: true }`.
 */
export function withSessionCache(store: CommunityStore, options: SessionCacheOptions): CommunityStore {
  const entries = new Map<string, Entry>();
  const forgetCommunity = (communityId: number) => {
    for (const [key, entry] of entries) if (entry.community.id === communityId) entries.delete(key);
  };
  const remember = (contact: Contact, entry: { community: Community | null; member: Member | null }) => {
    const key = keyOf(contact);
    entries.delete(key);
    if (entries.size >= options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    // Only complete sessions are worth caching: a first contact goes on to register anyway.
    if (entry.community && entry.member) {
      entries.set(key, { community: entry.community, member: entry.member, at: options.now() });
    }
  };

  // Everything else (the features' reads, reports, drafts) passes through as the store has it:
  // only `find` is answered from memory, and only the methods below write.
  return {
    ...store,
    async find(contact, findOptions) {
      const cached = entries.get(keyOf(contact));
      if (!findOptions?.fresh && cached && options.now() - cached.at < options.ttlMs) {
        return { community: cached.community, member: cached.member, cached: true };
      }
      const found = await store.find(contact, findOptions);
      remember(contact, found);
      return found;
    },
    async register(contact, today, now, registerOptions) {
      const registered = await store.register(contact, today, now, registerOptions);
      remember(contact, registered);
      return registered;
    },
    async cachePlatformAdmin(memberId, isAdmin, now) {
      await store.cachePlatformAdmin(memberId, isAdmin, now);
      // Keep the entry, updated: dropping it would cost the next command a read for nothing.
      for (const [key, entry] of entries) {
        if (entry.member.id !== memberId) continue;
        const member = { ...entry.member, platformAdmin: isAdmin, platformAdminCheckedAt: now };
        entries.set(key, { ...entry, member });
      }
    },
    async apply(community, effects, audit, now, applyOptions) {
      try {
        return await store.apply(community, effects, audit, now, applyOptions);
      } finally {
        forgetCommunity(community.id);
      }
    },
  };
}
