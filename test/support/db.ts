import { env } from "cloudflare:workers";

const TABLES = [
  "member_nudges",
  "nudge_settings",
  "activity_channels",
  "kudos",
  "meeting_topics",
  "topic_votes",
  "topics",
  "meeting_rsvps",
  "swap_requests",
  "rotation_aways",
  "rotation_ledger",
  "rotation_members",
  "holidays",
  "meeting_overrides",
  "meeting_series",
  "profile_drafts",
  "profiles",
  "form_drafts",
  "member_sync_pages",
  "member_sync",
  "processed_events",
  "job_runs",
  "delivery_pace",
  "dm_channels",
  "delivery_blocks",
  "outbox",
  "audit_log",
  "members",
  "communities",
] as const;

/** Empties every table (D1 state is shared between the tests of a file). */
export async function resetDb(): Promise<void> {
  await env.DB.batch(TABLES.map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
}

/** Row counts and D1's own count of rows written so far, to prove "nothing was written". */
export async function rowCounts(): Promise<Record<(typeof TABLES)[number], number>> {
  const results = await env.DB.batch(
    TABLES.map((table) => env.DB.prepare(`SELECT count(*) AS n FROM ${table}`)),
  );
  return Object.fromEntries(
    TABLES.map((table, i) => [table, (results[i]?.results[0] as { n: number } | undefined)?.n ?? 0]),
  ) as Record<(typeof TABLES)[number], number>;
}

/** A snapshot of all rows, for "nothing changed" assertions. */
export async function snapshot(): Promise<string> {
  const results = await env.DB.batch(
    TABLES.map((table) => env.DB.prepare(`SELECT * FROM ${table} ORDER BY 1`)),
  );
  return JSON.stringify(results.map((r) => r.results));
}

/** `rowCounts()` of an empty database. */
export const NO_ROWS = Object.fromEntries(TABLES.map((table) => [table, 0]));
