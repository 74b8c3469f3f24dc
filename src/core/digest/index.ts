/** The weekly digest: built from indexed reads, posted once per ISO week per community. */
export { buildDigest, type Digest } from "./build.ts";
export { digestPeriod, digestWindow, isoWeek } from "./period.ts";
export type { DigestEffect, DigestReads, DigestSettings, DigestWeek, DigestWindow } from "./ports.ts";
export { isDigestEffect } from "./ports.ts";
