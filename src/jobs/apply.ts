import type { Community, Effect } from "../core/model.ts";
import type { JobDeps } from "./job-kind.ts";

/**
 * Applies a job's effects in one batch at the job's time, then hands the outbox rows it wrote to
 * the delivery queue: the two steps every job that sends something takes, in this order.
 */
export async function applyAndEnqueue(
  deps: Pick<JobDeps, "store" | "outbox" | "now">,
  community: Community,
  effects: readonly Effect[],
  options?: { readonly ingressKey?: string },
): Promise<void> {
  const applied = await deps.store.apply(community, effects, null, deps.now, options);
  if (applied.enqueue.length > 0) await deps.outbox.enqueue(applied.enqueue);
}
