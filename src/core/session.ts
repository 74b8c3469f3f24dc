import type { ModeratorStatus } from "./commands/types.ts";
import { localDay } from "./local-time.ts";
import type { Contact, Member } from "./model.ts";
import type { CommunityStore, Forgotten, PlatformAuthority, Registered } from "./ports.ts";

/**
 * How long a platform's "is an admin" answer (Slack users.info) may stand in for asking again:
 * an admin demoted on the platform keeps guyub rights for at most this long, and never for a
 * command that changes something (those ask afresh).
 */
export const PLATFORM_ADMIN_TTL_MS = 60 * 60 * 1000;

export { localDay } from "./local-time.ts";

/**
 * Registers the speaker on first contact, given what `store.find` returned (or reads afresh).
 * Writes only when something changed (new community or member,
 * a new active day, a new display name), so a member's repeated commands on one day write nothing.
 * `created`: the member row was inserted just now (a first contact); `founder`: as a founder.
 * Someone who asked guyub to forget them is `Forgotten` and nothing is written, unless `revive`
 * (their own `/cop join`): then they come back as a fresh member.
 */
export async function openSession(
  store: CommunityStore,
  contact: Contact,
  now: Date,
  found?: Awaited<ReturnType<CommunityStore["find"]>>,
  options?: { readonly revive?: boolean },
): Promise<Registered | Forgotten> {
  const current = found ?? (await store.find(contact, { fresh: true }));
  // Someone who stepped back is not active here: their commands mark no activity and refresh
  // nothing (`/cop join`, the one way back, marks the day itself).
  if (current.community && current.member?.status === "alumni") {
    return { community: current.community, member: current.member };
  }
  if (current.community && current.member) {
    const today = localDay(now, current.community.timezone);
    const nameChanged = contact.displayName !== null && contact.displayName !== current.member.displayName;
    if (current.member.lastActiveOn === today && !nameChanged) {
      return { community: current.community, member: current.member };
    }
    return store.register(contact, today, now);
  }
  return store.register(contact, localDay(now, current.community?.timezone ?? "UTC"), now, options);
}

/**
 * The one place that decides whether a member moderates: guyub's own list first, then the
 * platform. Someone who stepped back (alumni) moderates nothing until they rejoin, whatever
 * their flag. Platform look-ups (Slack users.info) are cached on the member for an hour; a
 * `fresh` answer (before any change) always asks the platform. When the platform cannot be
 * asked the answer is `unknown`, never a guess.
 */
export function moderatorResolver(
  store: CommunityStore,
  member: Member,
  authority: PlatformAuthority,
  now: Date,
): (options?: { readonly fresh?: boolean }) => Promise<ModeratorStatus> {
  let cached: Promise<ModeratorStatus> | undefined;
  let fresh: Promise<ModeratorStatus> | undefined;
  const resolve = async (askPlatform: boolean): Promise<ModeratorStatus> => {
    if (member.status === "alumni") return "member";
    if (member.isModerator) return "moderator";
    if (authority.kind === "payload") return authority.isModerator ? "moderator" : "member";
    const checkedAt = member.platformAdminCheckedAt;
    const recent = checkedAt !== null && now.getTime() - checkedAt.getTime() < PLATFORM_ADMIN_TTL_MS;
    if (!askPlatform && member.platformAdmin !== null && recent) {
      return member.platformAdmin ? "moderator" : "member";
    }
    let isAdmin: boolean;
    try {
      isAdmin = await authority.lookup();
    } catch (error) {
      console.warn("moderator look-up failed", error);
      return "unknown";
    }
    // Rewriting an answer that is still recent and unchanged would be a write for nothing (a
    // refused command then writes nothing at all); a new or changed answer is kept.
    if (member.platformAdmin !== isAdmin || !recent) await store.cachePlatformAdmin(member.id, isAdmin, now);
    return isAdmin ? "moderator" : "member";
  };
  return (options) => {
    if (options?.fresh) {
      fresh ??= resolve(true);
      return fresh;
    }
    // An answer just asked for afresh serves the rest of this request too.
    cached ??= fresh ?? resolve(false);
    return cached;
  };
}
