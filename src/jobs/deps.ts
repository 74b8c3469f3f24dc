import { createDb } from "../db/client.ts";
import { createCommunityStore } from "../db/store.ts";
import { createDeliveryQueue } from "../delivery/queue.ts";
import type { AppEnv } from "../env.ts";
import { directoriesOf, historiesOf, type Platforms } from "../platforms.ts";
import type { JobDeps } from "./job-kind.ts";

/**
 * Job dependencies from the Worker's bindings and the platforms the composition root wired
 * (`src/compose.ts`), with the clock set to the scheduled time.
 */
export function jobDepsWith(env: AppEnv, platforms: Platforms): (now: Date) => JobDeps {
  const db = createDb(env.DB);
  const store = createCommunityStore(db, env.DB, env);
  const outbox = createDeliveryQueue(env.OUTBOX);
  const history = historiesOf(platforms);
  return (now) => ({
    db,
    d1: env.DB,
    store,
    outbox,
    now,
    directory: directoriesOf(platforms, () => now),
    history,
    keys: env,
  });
}
