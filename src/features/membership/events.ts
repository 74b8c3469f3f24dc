import { DuplicateDeliveryError } from "../../core/errors.ts";
import type { Community, Effect, PlatformId } from "../../core/model.ts";
import type { CommunityStore, DeliveryQueue } from "../../core/ports.ts";
import type { LeaveReason } from "./effects.ts";
import type { OnboardingSettings } from "./ports.ts";
import { welcomeEffects } from "./welcome.ts";

/** What join and leave events need from core. */
export interface MembershipDeps {
  readonly store: CommunityStore;
  readonly now: () => Date;
  readonly queue?: DeliveryQueue;
}

interface PlatformEvent {
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly userId: string;
  /** Channel events count only on the community's main channel. */
  readonly channelId?: string;
  /** The platform's id of this delivery: a retried event changes nothing twice. */
  readonly ingressKey: string;
}

/** Who joined, as far as the platform tells; null when it cannot be asked now. */
export interface JoinProfile {
  readonly isBot: boolean;
  readonly displayName: string | null;
}

export interface JoinEvent extends PlatformEvent {
  /**
   * Asked only when the join would welcome someone (Slack's member_joined_channel says neither
   * name nor bot). Null: the platform could not be asked; nobody is welcomed blind, and the next
   * member-list sync finds them.
   */
  profile(): Promise<JoinProfile | null>;
}

export type EventOutcome = "welcomed" | "restored" | "left" | "ignored";

/**
 * Someone joined the workspace or server, or the main channel. A person guyub never stored is
 * welcomed (bots never); an alumnus comes back without a second welcome; anyone else is already
 * here. One person often causes two events and the platform retries each: the member row is one
 * upsert, the welcome one outbox key, and the event's ingress key makes a retry a no-op.
 */
export async function recordJoin(deps: MembershipDeps, event: JoinEvent): Promise<EventOutcome> {
  const community = await communityOf(deps.store, event);
  if (!community) return "ignored";
  let settings: OnboardingSettings | undefined;
  if (event.channelId !== undefined) {
    settings = await deps.store.membership.onboarding(community.id);
    if (settings.mainChannelId !== event.channelId) return "ignored";
  }
  const state = await deps.store.membership.member(community.id, event.userId);
  if (state) {
    if (state.status !== "alumni") return "ignored";
    const back: Effect = { type: "member.join", userId: event.userId, displayName: null, welcome: false };
    return (await apply(deps, community, [back], event.ingressKey)) ? "restored" : "ignored";
  }
  // Someone who asked guyub to forget them comes back only by their own `/cop join`.
  const forgotten = await deps.store.privacy.forgottenAmong(community.id, [event.userId]);
  if (forgotten.size > 0) return "ignored";
  const profile = await event.profile();
  if (!profile || profile.isBot) return "ignored";
  settings ??= await deps.store.membership.onboarding(community.id);
  const effects = welcomeEffects(community, settings, event.userId, profile.displayName);
  return (await apply(deps, community, effects, event.ingressKey)) ? "welcomed" : "ignored";
}

/** Someone left the main channel or the platform (deactivated): alumni, kept in history. */
export async function recordLeave(
  deps: MembershipDeps,
  event: PlatformEvent & { readonly reason: Exclude<LeaveReason, "self"> },
): Promise<EventOutcome> {
  const community = await communityOf(deps.store, event);
  if (!community) return "ignored";
  if (event.channelId !== undefined) {
    const settings = await deps.store.membership.onboarding(community.id);
    if (settings.mainChannelId !== event.channelId) return "ignored";
  }
  const state = await deps.store.membership.member(community.id, event.userId);
  if (!state || state.status === "alumni") return "ignored";
  const leave: Effect = { type: "member.leave", userId: event.userId, reason: event.reason };
  return (await apply(deps, community, [leave], event.ingressKey)) ? "left" : "ignored";
}

/** The community of an event, if guyub knows it (it starts acting once it has met the community). */
async function communityOf(store: CommunityStore, event: PlatformEvent): Promise<Community | null> {
  const contact = {
    platform: event.platform,
    workspaceId: event.workspaceId,
    workspaceName: null,
    userId: event.userId,
    displayName: null,
    initialLocale: "en" as const,
  };
  return (await store.find(contact, { fresh: true })).community;
}

/** Applies once per ingress key; false when this delivery was already acted on. */
async function apply(
  deps: MembershipDeps,
  community: Community,
  effects: readonly Effect[],
  ingressKey: string,
): Promise<boolean> {
  try {
    const applied = await deps.store.apply(community, effects, null, deps.now(), { ingressKey });
    if (applied.enqueue.length > 0) {
      // Committed already: if the queue refuses now, the delivery sweep sends them within minutes.
      await deps.queue
        ?.enqueue(applied.enqueue)
        .catch((error: unknown) => console.error("enqueue failed", error));
    }
    return true;
  } catch (error) {
    if (error instanceof DuplicateDeliveryError) return false;
    throw error;
  }
}
