import { DuplicateDeliveryError } from "../errors.ts";
import type { Locale } from "../i18n/index.ts";
import { localDay } from "../local-time.ts";
import type { PlatformId } from "../model.ts";
import type { CommunityStore } from "../ports.ts";
import { activityToday } from "./effects.ts";

/** What recording a message's activity needs from core. */
export interface ActivityDeps {
  readonly store: CommunityStore;
  readonly now: () => Date;
}

/** A member's message in a channel guyub is in (no content: who, where from, which delivery). */
export interface MessageSeen {
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly userId: string;
  /** The platform's id of this delivery: a retried event is applied once. */
  readonly ingressKey: string;
  /**
   * Where the platform lists no members, the writer as it names them: a stranger is met here
   * (stored now, a founder while no full member pass has completed: here before their own join
   * event). Without it a stranger is left to the member sync.
   */
  readonly meet?: { readonly displayName: string | null; readonly locale: Locale };
}

/**
 * A stored member wrote a message: they were active today. Day resolution, as for commands: a
 * member already active today costs one read (often none, from the session cache) and writes
 * nothing; otherwise one batch with the event's ingress key, so the platform's retries of the
 * event change nothing twice. Strangers are left to the member sync, unless the platform has none
 * (`meet`).
 */
export async function recordMessageActivity(
  deps: ActivityDeps,
  event: MessageSeen,
): Promise<"recorded" | "ignored"> {
  const contact = {
    platform: event.platform,
    workspaceId: event.workspaceId,
    workspaceName: null,
    userId: event.userId,
    displayName: event.meet?.displayName ?? null,
    initialLocale: event.meet?.locale ?? "en",
  };
  const { community, member } = await deps.store.find(contact);
  if (!community) return "ignored";
  const now = deps.now();
  if (!member) {
    if (!event.meet) return "ignored";
    // One idempotent batch (member, day, week): a redelivery finds them active today and writes
    // nothing. Someone who asked to be forgotten is not stored again by talking.
    const met = await deps.store.register(contact, localDay(now, community.timezone), now);
    return met.member ? "recorded" : "ignored";
  }
  const effects = activityToday(community, member, now);
  if (effects.length === 0) return "ignored";
  try {
    await deps.store.apply(community, effects, null, now, { ingressKey: event.ingressKey });
    return "recorded";
  } catch (error) {
    if (error instanceof DuplicateDeliveryError) return "ignored";
    throw error;
  }
}
