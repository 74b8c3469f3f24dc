import type { Community, Contact, Effect, Member } from "./model.ts";

/** What core needs from storage. `src/db/` implements it over D1; core never sees SQL. */
export interface CommunityStore {
  /**
   * Community and member for a contact, in one round trip (or none, from a short-lived cache).
   * `fresh` bypasses any cache: used before authorizing a moderator command.
   */
  find(
    contact: Contact,
    options?: { fresh?: boolean },
  ): Promise<{ community: Community | null; member: Member | null; cached?: boolean }>;
  /**
   * Registers (or refreshes) the community and member idempotently and marks the member
   * active on `today`. Safe under concurrent first contacts.
   */
  register(contact: Contact, today: string, now: Date): Promise<{ community: Community; member: Member }>;
  /** Remembers the platform's answer to "is this member an admin?". */
  cachePlatformAdmin(memberId: number, isAdmin: boolean, now: Date): Promise<void>;
  /** Members on the community's moderator list. */
  listModerators(communityId: number): Promise<Member[]>;
  /** Applies effects and writes the audit entry in one transaction. */
  apply(community: Community, effects: readonly Effect[], audit: AuditEntry | null, now: Date): Promise<void>;
}

export interface AuditEntry {
  readonly actorMemberId: number;
  readonly action: string;
  readonly detail: Record<string, unknown>;
}

/**
 * How a platform says whether a member moderates, beyond guyub's own list.
 * `payload`: the request itself tells (Discord permissions/roles).
 * `lookup`: ask the platform's API (Slack users.info); core caches the answer for a day.
 */
export type PlatformAuthority =
  | { readonly kind: "payload"; readonly isModerator: boolean }
  | { readonly kind: "lookup"; readonly lookup: () => Promise<boolean> };
