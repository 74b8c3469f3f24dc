import type { Platform } from "./config.ts";

/** One platform's counts since the last reset; `*By` split them by method (Slack) or bucket (Discord). */
export interface PlatformStats {
  accepted: number;
  rateLimited: number;
  errors: number;
  acceptedBy: Record<string, number>;
  rateLimitedBy: Record<string, number>;
  /** By Slack `error`, or Discord `"<status> <code>"` (`"503 html"` for an HTML page). */
  errorsBy: Record<string, number>;
}

export type StatsSnapshot = { since: string } & Record<Platform, PlatformStats>;

const empty = (): PlatformStats => ({
  accepted: 0,
  rateLimited: 0,
  errors: 0,
  acceptedBy: {},
  rateLimitedBy: {},
  errorsBy: {},
});

const bump = (table: Record<string, number>, key: string) => {
  table[key] = (table[key] ?? 0) + 1;
};

/**
 * Counts every answer the platform routes give, so a benchmark or a pacing test can assert "no
 * 429 reached guyub" without scraping logs. Control routes are not counted.
 */
export class Stats {
  private since = new Date().toISOString();
  private counts: Record<Platform, PlatformStats> = { slack: empty(), discord: empty(), telegram: empty() };

  /**
   * Classifies one answer: 429 is rate-limited; any other 4xx/5xx, or Slack's HTTP 200 with
   * `ok: false`, is an error; the rest was accepted. `key` is the method or bucket that answered.
   */
  note(platform: Platform, key: string, status: number, body: unknown): void {
    const counts = this.counts[platform];
    const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    if (status === 429) {
      counts.rateLimited += 1;
      bump(counts.rateLimitedBy, key);
    } else if (status >= 400 || fields.ok === false) {
      counts.errors += 1;
      const code =
        typeof fields.error === "string"
          ? fields.error
          : `${status} ${typeof body === "string" ? "html" : String(fields.code ?? "")}`.trim();
      bump(counts.errorsBy, code);
    } else {
      counts.accepted += 1;
      bump(counts.acceptedBy, key);
    }
  }

  snapshot(): StatsSnapshot {
    return { since: this.since, ...structuredClone(this.counts) };
  }

  reset(): void {
    this.since = new Date().toISOString();
    this.counts = { slack: empty(), discord: empty(), telegram: empty() };
  }
}
