import type { BlockCause } from "./delivery.ts";
import type { Community, Contact, Effect, Member } from "./model.ts";

/** A speaker after `register`: the rows, and whether this call met them for the first time. */
export interface Registered {
  readonly community: Community;
  readonly member: Member;
  readonly created?: boolean;
  readonly founder?: boolean;
}

/**
 * A speaker who asked guyub to forget them (`/cop profile forget`) in this community: `register`
 * wrote nothing, and nothing else may until they run `/cop join` (`register` with `revive`).
 */
export interface Forgotten {
  readonly community: Community;
  readonly member: null;
  readonly forgotten: true;
}

/**
 * The reads of the features in `src/features/`, one entry per feature, keyed by its name: each
 * feature adds its own from its folder (declaration merging, like `FeatureEffects` in model.ts),
 * and `src/db/store.ts` fills them from the features' store parts (`src/features/server.ts`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each feature through declaration merging
export interface FeatureReads {}

/** What core needs from storage. `src/db/` implements it over D1; core never sees SQL. */
export interface CommunityStore extends FeatureReads {
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
   * active on `today`. Safe under concurrent first contacts. `created`: this call inserted the
   * member row (guyub never met them before); `founder`: the row says they were here before guyub
   * (met before its first full member sync), so they are no newcomer to welcome. A person on the
   * community's forgotten list is not registered (`Forgotten`), unless `revive`: then they leave
   * the list and are registered as a fresh member, in the same batch.
   */
  register(
    contact: Contact,
    today: string,
    now: Date,
    options?: { readonly revive?: boolean },
  ): Promise<Registered | Forgotten>;
  /** Remembers the platform's answer to "is this member an admin?". */
  cachePlatformAdmin(memberId: number, isAdmin: boolean, now: Date): Promise<void>;
  /** Members on the community's moderator list. */
  listModerators(communityId: number): Promise<Member[]>;
  /**
   * Applies effects and writes the audit entry in one transaction. With `ingressKey`, the key is
   * recorded in the same transaction, and a key already recorded rolls everything back and
   * throws `DuplicateDeliveryError`: a retried or replayed request has no second effect.
   */
  apply(
    community: Community,
    effects: readonly Effect[],
    audit: AuditEntry | null,
    now: Date,
    options?: { readonly ingressKey?: string },
  ): Promise<Applied>;
  /**
   * A community by id and one of its stored members: how a button pressed in a DM (which names its
   * community but carries no server) finds who pressed it. Always read fresh.
   */
  findMember(
    communityId: number,
    platformUserId: string,
  ): Promise<{ community: Community | null; member: Member | null }>;
  /** Answers kept from a form submission that had errors, to refill the reopened form. */
  readFormDraft(
    communityId: number,
    platformUserId: string,
    formId: string,
  ): Promise<Record<string, string | string[]> | null>;
  /** Delivery counts and recent errors, for `/copmod delivery status`. */
  deliveryReport(communityId: number, since: Date): Promise<DeliveryReport>;
}

/** What an `apply` left for the caller to do after the transaction. */
export interface Applied {
  /** Outbox ids to hand to the delivery queue (new messages, resumed or retried ones). */
  readonly enqueue: readonly number[];
}

/** Where outbox ids go once their rows are committed (the OUTBOX queue). */
export interface DeliveryQueue {
  enqueue(ids: readonly number[]): Promise<void>;
}

export interface DeliveryReport {
  readonly paused: boolean;
  readonly counts: Readonly<Record<"pending" | "sent" | "failed" | "dead", number>>;
  readonly lastErrors: readonly { readonly at: Date; readonly kind: string; readonly error: string }[];
  /** The latest ten. */
  readonly blocks: readonly DeliveryBlock[];
  /** Messages waiting for access anywhere (pending, held by a block). */
  readonly waitingForAccess: number;
}

/** Where guyub cannot post now, since when, and what waits for it. */
export interface DeliveryBlock {
  /** `*` for the whole community, `main-channel` for the notice, else a channel id. */
  readonly scope: string;
  readonly cause: BlockCause;
  /** The platform's own words for it. */
  readonly reason: string;
  readonly at: Date;
  /** When guyub next sends one waiting message to see whether access is back; null: never. */
  readonly probeAt: Date | null;
  /** Messages waiting for access there. */
  readonly waiting: number;
}

export interface AuditEntry {
  /** Null when the platform acted (an uninstall), not a member. */
  readonly actorMemberId: number | null;
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
