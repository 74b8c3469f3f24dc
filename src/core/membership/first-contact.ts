import { welcomeEffects } from "../../features/membership/welcome.ts";
import type { Community, Member } from "../model.ts";
import type { CommunityStore, DeliveryQueue } from "../ports.ts";

/**
 * A member guyub first met just now, through a command (any command, `/cop join` too), is
 * welcomed like one who joined. The caller leaves out founders: met before guyub's first full
 * sync completed, when it cannot tell a newcomer from someone who was here before it (the row's
 * `founder` flag, set by the insert itself). Runs only when `register` inserted the row, so the
 * hot path never gets here. A failure is logged, never turned into a failed command: the member
 * still gets their answer.
 */
export async function welcomeOnFirstContact(
  deps: { readonly store: CommunityStore; readonly queue?: DeliveryQueue },
  community: Community,
  member: Member,
  now: Date,
): Promise<void> {
  try {
    const settings = await deps.store.membership.onboarding(community.id);
    const effects = welcomeEffects(community, settings, member.platformUserId, member.displayName);
    const applied = await deps.store.apply(community, effects, null, now);
    if (applied.enqueue.length > 0) await deps.queue?.enqueue(applied.enqueue);
  } catch (error) {
    console.error("welcome on first contact failed", { member: member.platformUserId, error });
  }
}
