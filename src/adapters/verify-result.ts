import { HttpError } from "../core/errors.ts";

/** Why an inbound request was refused. Verifiers return this instead of a bare boolean. */
export type VerifyFailure = "missing_headers" | "bad_timestamp" | "stale" | "future" | "bad_signature";

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: VerifyFailure };

/** Five minutes either way, the window Slack documents and guyub applies to Discord too. */
export const MAX_SKEW_SECONDS = 300;

/** Checks a request timestamp (seconds) against the injected clock, in both directions. */
export function checkTimestamp(
  timestamp: string | null | undefined,
  now: Date,
  maxSkewSeconds = MAX_SKEW_SECONDS,
): VerifyResult {
  if (!timestamp) return { ok: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "bad_timestamp" };
  const skew = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (skew > maxSkewSeconds) return { ok: false, reason: "stale" };
  if (skew < -maxSkewSeconds) return { ok: false, reason: "future" };
  return { ok: true };
}

/** Ends the request with 401 unless verification passed; the reason goes in the JSON body. */
export function assertVerified(result: VerifyResult, platform: string): void {
  if (result.ok) return;
  const stale = result.reason === "stale" || result.reason === "future";
  throw new HttpError(
    stale ? "stale_request" : "bad_signature",
    `${platform} request refused: ${result.reason}.`,
  );
}
