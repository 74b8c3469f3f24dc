import type { Feature } from "../../core/feature.ts";
import { digestOff, digestOn, digestPreview, digestSchedule, digestSend } from "./command.ts";

/**
 * The weekly digest (`/copmod digest …`): built from indexed reads, posted once per ISO week per
 * community. Its core part; the store part is `store.ts`, the weekly job `jobs.ts`. It summarises
 * other features: meetings held and topics are rendered here, the others contribute their own
 * sections (`Feature.digest`, src/core/digest/section.ts).
 */
export const digest: Feature = {
  name: "digest",
  commands: [digestPreview, digestSend, digestSchedule, digestOff, digestOn],
  groups: { digest: "cmd.digest" },
};

export { buildDigest, type Digest } from "./build.ts";
export { digestPeriod, digestWindow, isoWeek } from "./period.ts";
export type { DigestEffect, DigestReads, DigestSettings, DigestWeek, DigestWindow } from "./ports.ts";
