/**
 * Freezes a value and everything it holds. Values shared between requests (a cached help page,
 * its rendering) are frozen so that code changing one in place throws instead of leaking the
 * change into the next reply; a frozen value is also what the renderers may cache by identity.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
