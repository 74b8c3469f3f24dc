import { createDb } from "../db/client.ts";
import { createCommunityStore } from "../db/store.ts";
import { createDeliveryQueue } from "../delivery/queue.ts";
import type { AppEnv } from "../env.ts";
import type { JobDeps } from "./registry.ts";

/** Job dependencies from the Worker's bindings, with the clock set to the scheduled time. */
export function jobDepsAt(env: AppEnv): (now: Date) => JobDeps {
  const db = createDb(env.DB);
  const store = createCommunityStore(db, env.DB);
  const outbox = createDeliveryQueue(env.OUTBOX);
  return (now) => ({ db, d1: env.DB, store, outbox, now });
}
