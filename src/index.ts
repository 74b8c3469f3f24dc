import type { AppEnv } from "./env.ts";
import { createWorker } from "./worker.ts";

export { QUEUES } from "./worker.ts";

/**
 * The deployed Worker, on the system clock. Nothing here can move time: the demo's settable
 * clock lives in scripts/demo/ and is never part of this bundle.
 */
export default createWorker() satisfies ExportedHandler<AppEnv>;
