import { DuplicateDeliveryError } from "../errors.ts";
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
}

/**
 * A stored member wrote a message: they were active today. Day resolution, as for commands: a
 * member already active today costs one read (often none, from the session cache) and writes
 * nothing; otherwise one batch with the event's ingress key, so the platform's retries of the
 * event change nothing twice. Strangers are left to the member sync.
 */
export async function recordMessageActivity(
  deps: ActivityDeps,
  event: MessageSeen,
): Promise<"recorded" | "ignored"> {
  const { community, member } = await deps.store.find({
    platform: event.platform,
    workspaceId: event.workspaceId,
    workspaceName: null,
    userId: event.userId,
    displayName: null,
    initialLocale: "en",
  });
  if (!community || !member) return "ignored";
  const now = deps.now();
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
