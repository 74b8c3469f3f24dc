import { LogLevel } from "@slack/bolt";
import type { FetchFunction, WebClientOptions } from "@slack/web-api";

/**
 * Options for Bolt's WebClient inside a Worker:
 * - talks to `SLACK_API_URL` (local stand-in or Slack);
 * - never retries or sleeps through 429s by itself: guyub's own delivery path owns retries,
 *   and a request handler must not block for minutes;
 * - a fetch wrapper, because workerd rejects `redirect: "error"` ("Invalid redirect value").
 */
export function slackClientOptions(apiUrl: string): WebClientOptions {
  return {
    slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2500,
    logLevel: LogLevel.ERROR,
    fetch: workerFetch,
  };
}

const workerFetch: FetchFunction = (url, init) =>
  fetch(url, init?.redirect === "error" ? { ...init, redirect: "manual" } : init);
