import { expect, inject } from "vitest";

/** One run's prefix: a rerun in watch mode never meets the last run's stand-in state. */
const RUN = crypto.randomUUID();

/**
 * This test file's own stand-in: a namespace of the shared stand-in server (`/ns/<name>/…`).
 * Test files run in parallel, and with `isolate: false` the files of one worker share this module,
 * so the namespace is named after the running file, not made once per module: one file's reset,
 * fault, revoked token or time scale never lands in another file's test.
 */
export function standinsBase(): string {
  const file = expect.getState().testPath ?? "outside-a-test";
  return `${inject("standinsUrl")}/ns/${RUN}-${fnv1a(file)}`;
}

/** A short, URL-safe name for a file path. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
