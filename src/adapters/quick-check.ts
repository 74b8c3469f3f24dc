/**
 * Hand-written checks for the common shape of a payload, each a strict subset of what the
 * payload's zod schema accepts: when one says yes, the schema would too, with the same output;
 * when it is unsure it says no and the schema decides (test/quick-payloads.test.ts compares them
 * on valid and broken payloads). zod's generic walk cost more than the rest of a `/cop help`.
 */

export type Fields = Record<string, unknown>;

export const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A string of at most `max` UTF-16 units (zod's `.max`), or absent when `optional`. */
export function shortString(value: unknown, max: number, optional = false): boolean {
  if (value === undefined) return optional;
  return typeof value === "string" && value.length <= max;
}

const SNOWFLAKE = /^\d{1,20}$/;
export const snowflake = (value: unknown): boolean => typeof value === "string" && SNOWFLAKE.test(value);

// A host the URL parser takes as it is: lowercase-or-uppercase ASCII labels whose last label
// starts with a letter (so it is never read as an IPv4 number), or a dotted quad of octets.
const NAME_HOST = /^(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*$/;
const QUAD_HOST = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HTTP_URL = /^https?:\/\/([^/:?#\s]+)(?::(\d{1,5}))?(\/[A-Za-z0-9\-._~%/]*)?$/;

/** An http(s) URL that `z.url({ protocol: /^https?$/ })` accepts and returns unchanged. */
export function plainHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const match = HTTP_URL.exec(value);
  if (!match) return false;
  const [, host = "", port] = match;
  if (port !== undefined && Number(port) > 65535) return false;
  // A label in punycode (`xn--`) may be invalid punycode, which the parser refuses: zod decides.
  if (/(?:^|\.)xn--/i.test(host)) return false;
  return NAME_HOST.test(host) || QUAD_HOST.test(host);
}
