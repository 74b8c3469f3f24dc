import { env } from "cloudflare:workers";

/**
 * Seeds the community's kept knowledge with SQL into the real tables of migrations 0008 and 0020
 * (the FTS5 indexes follow through their triggers), for the search tests.
 */
const AT = "2027-03-02T13:00:00.000Z";

export async function seedEntry(
  communityId: number,
  e: {
    day: string;
    number: number;
    kind: "note" | "resource" | "action";
    body: string;
    url?: string;
    assignee?: string;
  },
): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO meeting_entries (community_id, meeting_day, number, kind, body, url, assignee, author, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'U0AUTHOR', ?, ?)`,
  )
    .bind(communityId, e.day, e.number, e.kind, e.body, e.url ?? null, e.assignee ?? null, AT, AT)
    .run();
}

export async function seedTopic(
  communityId: number,
  t: { title: string; details?: string; status?: "open" | "archived" | "retired"; day?: string },
): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO topics (community_id, title, title_key, details, suggested_by, source, status, created_at, updated_at)
     VALUES (?, ?, lower(?), ?, 'U0AUTHOR', 'member', ?, ?, ?) RETURNING id`,
  )
    .bind(communityId, t.title, t.title, t.details ?? null, t.status ?? "open", AT, AT)
    .first<{ id: number }>();
  const id = row?.id ?? 0;
  if (t.day)
    await env.DB.prepare(
      "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, ?, ?, 'rule', ?)",
    )
      .bind(communityId, t.day, id, AT)
      .run();
  return id;
}

export async function seedTopicResource(communityId: number, topicId: number, url: string, title: string) {
  await env.DB.prepare(
    `INSERT INTO topic_resources (community_id, topic_id, url, title, added_by, created_at)
     VALUES (?, ?, ?, ?, 'U0AUTHOR', ?)`,
  )
    .bind(communityId, topicId, url, title, AT)
    .run();
}

/** A post guyub sent (a meeting's `record:<day>` or `announce:<day>`), where it landed. */
export async function seedSentPost(
  communityId: number,
  key: string,
  landed: { channel: string; message: string } | null,
): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status,
                         platform_channel_id, platform_message_id, created_at, updated_at, sent_at)
     VALUES (?, ?, 'post', ?, '{"blocks":[],"visibility":"public"}', ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      communityId,
      key,
      landed?.channel ?? "C0GENERAL",
      landed ? "sent" : "pending",
      landed?.channel ?? null,
      landed?.message ?? null,
      AT,
      AT,
      landed ? AT : null,
    )
    .run();
}
