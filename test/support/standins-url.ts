import { inject } from "vitest";

/**
 * This test file's own stand-in: a namespace of the shared stand-in server (`/ns/<name>/…`).
 * Test files run in parallel; with a namespace each, one file's reset, fault or time scale
 * never lands in another's test.
 */
const NAMESPACE = crypto.randomUUID();

export function standinsBase(): string {
  return `${inject("standinsUrl")}/ns/${NAMESPACE}`;
}
