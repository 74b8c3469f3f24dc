import { env } from "cloudflare:workers";
import { signedSlack, TEAM } from "./slack.ts";

/** An Events API `event_callback` envelope as Slack sends it. */
export function slackEvent(eventId: string, event: Record<string, unknown>, team = TEAM): string {
  return JSON.stringify({
    token: "legacy",
    team_id: team,
    api_app_id: "A0GUYUB",
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    event,
  });
}

/** A signed delivery of an event; `retry` sets X-Slack-Retry-Num as Slack's retries do. */
export async function eventRequest(body: string, retry?: number): Promise<Request> {
  const request = await signedSlack("/slack/events", body, { contentType: "application/json" });
  if (retry) {
    request.headers.set("x-slack-retry-num", String(retry));
    request.headers.set("x-slack-retry-reason", "http_timeout");
  }
  return request;
}

/** A Slack user object as team_join and user_change carry it. */
export function slackUser(id: string, extra: Record<string, unknown> = {}) {
  return { id, name: id.toLowerCase(), real_name: `Member ${id}`, is_bot: false, deleted: false, ...extra };
}

/** A member row by platform user id (any community). */
export async function memberRow(userId: string): Promise<Record<string, unknown> | null> {
  return env.DB.prepare("SELECT * FROM members WHERE platform_user_id = ?").bind(userId).first();
}

export async function countWhere(table: string, where = "1 = 1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Outbox idempotency keys, oldest first. */
export async function outboxKeys(): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT idempotency_key FROM outbox ORDER BY id").all<{
    idempotency_key: string;
  }>();
  return rows.results.map((row) => row.idempotency_key);
}

/** The member_sync row of the only community. */
export async function syncRow(): Promise<Record<string, unknown> | null> {
  return env.DB.prepare("SELECT * FROM member_sync").first();
}
