import type { Feature } from "../../core/feature.ts";
import { digestOff, digestOn, digestPreview, digestSchedule, digestSend } from "./command.ts";

/**
 * The weekly digest (`/copmod digest …`): built from indexed reads, posted once per ISO week per
 * community. Its core part; the store part is `store.ts`, the weekly job `jobs.ts`. It summarises
 * other features (newcomers, meetings held, kudos, topics): their sections are rendered here.
 */
export const digest: Feature = {
  name: "digest",
  commands: [digestPreview, digestSend, digestSchedule, digestOff, digestOn],
  groups: { digest: "cmd.digest" },
};

export { buildDigest, type Digest } from "./build.ts";
export { digestPeriod, digestWindow, isoWeek } from "./period.ts";
export type { DigestEffect, DigestReads, DigestSettings, DigestWeek, DigestWindow } from "./ports.ts";
