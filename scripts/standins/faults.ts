import type { Platform } from "./config.ts";

/** A failure injected through `POST /__faults`; it answers the next `count` matching calls. */
export interface Fault {
  platform: Platform;
  /**
   * A substring of the call's subject. Slack: `"<method> <channel argument>"`, e.g.
   * `"chat.postMessage C0GENERAL"`, or `"response_url <id>"`; Discord: `"<METHOD> <route>"`, e.g.
   * `"POST /channels/123/messages"`.
   */
  match: string;
  count: number;
  /** The status to answer with; without one the call is only delayed, then answered normally. */
  status?: number;
  /** Replaces the default error body: JSON, or a string served as HTML (Cloudflare's 1015 page). */
  body?: unknown;
  /** For 429s: platform seconds (divided by the time scale like every limit), default 1. */
  retryAfter?: number;
  /** For Discord 429s: the global limit rather than a route bucket. */
  global?: boolean;
  /** Holds the answer this long, in real milliseconds (never scaled), to trip a fetch timeout. */
  delayMs?: number;
}

/** Waits out a fault's delay; stops early when the client gives up, as a real server would notice. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}

/** A 429 fault's Retry-After in real milliseconds. */
export function faultRetryMs(fault: Fault, timeScale: number): number {
  return ((fault.retryAfter ?? 1) * 1000) / timeScale;
}

/**
 * Slack's Retry-After header for a wait of `ms`. Slack sends whole seconds, and so do the
 * stand-ins at time scale 1. Scaled, whole seconds would be far too coarse (a 0.2 s wait would
 * read 1), so the header then carries decimal seconds, e.g. `0.2`: a deliberate deviation that
 * clients parsing it with Number() or parseFloat() handle, and parseInt() would not.
 */
export function slackRetryAfter(ms: number, timeScale: number): string {
  if (timeScale === 1) return String(Math.max(1, Math.ceil(ms / 1000)));
  return String(Math.max(0.001, Math.ceil(ms) / 1000));
}
