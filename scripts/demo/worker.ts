/**
 * The Worker `npm run demo` runs: guyub exactly as deployed (src/worker.ts), except that the
 * community clock is the demo's. Each request may carry the simulated moment in
 * `x-guyub-demo-time`; each scheduled event sets it to its own time. Signatures are still
 * checked against the real clock, so the demo signs its requests at real time.
 *
 * This file is only ever bundled by scripts/demo/ (`wrangler deploy <this file> --dry-run`):
 * the production entry, src/index.ts, has no way to move time.
 */
import type { AppEnv } from "../../src/env.ts";
import { createWorker } from "../../src/worker.ts";
import { DEMO_TIME_HEADER, TIME_SCALE } from "./constants.ts";

// One workerd isolate serves the whole demo, and the driver waits for quiet between steps, so
// one module-level moment is the simulated "now" of whatever runs next.
let simulatedMs: number | null = null;
const now = () => new Date(simulatedMs ?? Date.now());

// The stand-ins run platform time TIME_SCALE times faster; delivery paces to match.
const worker = createWorker({ now, verifyNow: () => new Date(), paceScale: TIME_SCALE });

export default {
  fetch(request: Request, env: AppEnv, ctx: ExecutionContext) {
    const at = request.headers.get(DEMO_TIME_HEADER);
    if (at !== null) {
      const ms = Date.parse(at);
      if (Number.isNaN(ms)) return Response.json({ error: "bad_demo_time" }, { status: 400 });
      simulatedMs = ms;
    }
    return worker.fetch(request, env, ctx);
  },
  async scheduled(controller: ScheduledController, env: AppEnv) {
    simulatedMs = controller.scheduledTime;
    await worker.scheduled(controller, env);
  },
  queue: (batch: MessageBatch<unknown>, env: AppEnv) => worker.queue(batch, env),
} satisfies ExportedHandler<AppEnv>;
