import { env } from "cloudflare:workers";
import { commandBody, MEMBER, signedSlack } from "./slack.ts";

/** Helpers for the topic backlog tests: Slack commands as a given user, and D1 reads. */

export interface SlackReply {
  readonly text?: string;
  readonly blocks?: unknown[];
}

/** Sends `/cop <text>` as `user` through `send` and returns Slack's reply body. */
export async function slackAsk(
  send: (request: Request) => Promise<Response>,
  text: string,
  user = MEMBER,
): Promise<SlackReply> {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }));
  return (await (await send(request)).json()) as SlackReply;
}

/** The open topics in D1 with their vote counts, by id. */
export async function topicRows(): Promise<Record<string, unknown>[]> {
  const { results } = await env.DB.prepare(
    `SELECT t.id, t.title, t.title_key, t.details, t.suggested_by, t.source, t.status, t.pinned,
            (SELECT count(*) FROM topic_votes v WHERE v.topic_id = t.id) AS votes
     FROM topics t ORDER BY t.id`,
  ).all();
  return results;
}

/** The id of the community of a platform. */
export async function communityOf(platform: "slack" | "discord"): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM communities WHERE platform = ?")
    .bind(platform)
    .first<{ id: number }>();
  return row?.id ?? 0;
}

/** Seeds `count` open topics in one statement (json_each), topic i with i % 7 votes' worth of titles. */
export async function seedTopics(communityId: number, count: number): Promise<void> {
  const at = "2026-11-01T00:00:00.000Z";
  const ids = JSON.stringify(Array.from({ length: count }, (_, i) => i + 1));
  await env.DB.prepare(
    `INSERT INTO topics (community_id, title, title_key, created_at, updated_at)
     SELECT ?1, 'Seeded topic number ' || value || ' about <!channel> & more', 'seeded topic number ' || value, ?2, ?2
     FROM json_each(?3)`,
  )
    .bind(communityId, at, ids)
    .run();
}
