import type { ModeratorStatus } from "./commands/types.ts";
import { localDay } from "./local-time.ts";
import type { Contact, Member } from "./model.ts";
import type { CommunityStore, PlatformAuthority, Registered } from "./ports.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export { localDay } from "./local-time.ts";

/**
 * Registers the speaker on first contact, given what `store.find` returned (or reads afresh).
 * Writes only when something changed (new community or member,
 * a new active day, a new display name), so a member's repeated commands on one day write nothing.
 * `created`: the member row was inserted just now (a first contact); `founder`: as a founder.
 */
export async function openSession(
  store: CommunityStore,
  contact: Contact,
  now: Date,
  found?: Awaited<ReturnType<CommunityStore["find"]>>,
): Promise<Registered> {
  const current = found ?? (await store.find(contact, { fresh: true }));
  if (current.community && current.member) {
    const today = localDay(now, current.community.timezone);
    const nameChanged = contact.displayName !== null && contact.displayName !== current.member.displayName;
    if (current.member.lastActiveOn === today && !nameChanged) {
      return { community: current.community, member: current.member };
    }
    return store.register(contact, today, now);
  }
  return store.register(contact, localDay(now, current.community?.timezone ?? "UTC"), now);
}

/**
 * The one place that decides whether a member moderates: guyub's own list first, then the
 * platform. Platform look-ups (Slack users.info) are cached on the member for a day; when the
 * platform cannot be asked the answer is `unknown`, never a guess.
 */
export function moderatorResolver(
  store: CommunityStore,
  member: Member,
  authority: PlatformAuthority,
  now: Date,
): () => Promise<ModeratorStatus> {
  let answer: Promise<ModeratorStatus> | undefined;
  const resolve = async (): Promise<ModeratorStatus> => {
    if (member.isModerator) return "moderator";
    if (authority.kind === "payload") return authority.isModerator ? "moderator" : "member";
    const checkedAt = member.platformAdminCheckedAt;
    if (member.platformAdmin !== null && checkedAt && now.getTime() - checkedAt.getTime() < DAY_MS) {
      return member.platformAdmin ? "moderator" : "member";
    }
    let isAdmin: boolean;
    try {
      isAdmin = await authority.lookup();
    } catch (error) {
      console.warn("moderator look-up failed", error);
      return "unknown";
    }
    await store.cachePlatformAdmin(member.id, isAdmin, now);
    return isAdmin ? "moderator" : "member";
  };
  return () => {
    answer ??= resolve();
    return answer;
  };
}
