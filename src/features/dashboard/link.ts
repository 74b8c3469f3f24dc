/**
 * The one-time link's secret: 32 random bytes as hex (no character any chat renderer escapes or
 * cuts), and its SHA-256, which is all D1 keeps. WebCrypto only: no clock, no platform.
 */
export function randomSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 of a secret, hex: the key of `dashboard_links` and `dashboard_sessions`. */
export async function secretHash(secret: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))));
}

/** The path a link opens (the token travels as the query, never any member data). */
export const OPEN_PATH = "/dashboard/open";

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
