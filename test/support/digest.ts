import { env } from "cloudflare:workers";
import { renderSlackMessage } from "../../src/adapters/slack/render.ts";
import type { Message } from "../../src/core/message.ts";
import type { Community } from "../../src/core/model.ts";
import { seedCommunity } from "./delivery.ts";

/** Monday 8 March 2027, 08:00 in Jakarta (01:00 UTC): the default digest moment of the seeded week. */
export const DIGEST_AT = new Date("2027-03-08T01:00:00Z");

const run = (sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .run();

/** A member row; `welcomed` makes them a newcomer of that moment. */
export async function seedMember(
  community: Community,
  userId: string,
  o: { joined?: string; welcomed?: string | null; active?: string | null; status?: string } = {},
): Promise<void> {
  const joined = o.joined ?? "2026-01-05T00:00:00Z";
  await run(
    `INSERT INTO members (community_id, platform_user_id, status, joined_at, welcomed_at, last_active_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    community.id,
    userId,
    o.status ?? "active",
    joined,
    o.welcomed ?? null,
    o.active ?? null,
    joined,
    joined,
  );
}

/**
 * A week worth a digest, in Jakarta, with the main channel set: two newcomers, a weekly Tuesday
 * 19:00 meeting held on 2 March with notes, the next one (9 March) assigned to U0AYU with a topic
 * and RSVPs, open topics with votes, an archived topic, a kudos, and member text that tries to
 * ping everyone.
 */
export async function seedWeek(platform: "slack" | "discord" = "slack", locale: "en" | "id" = "en") {
  const base = await seedCommunity(platform);
  const community: Community = { ...base, locale, timezone: "Asia/Jakarta" };
  await run(
    "UPDATE communities SET locale = ?, timezone = 'Asia/Jakarta', main_channel_id = 'C0GENERAL' WHERE id = ?",
    locale,
    community.id,
  );
  const c = community.id;
  await seedMember(community, "U0OLD", { active: "2027-03-05" });
  await seedMember(community, "U0QUIET", { active: "2027-02-01" });
  await seedMember(community, "U0AYU", {
    joined: "2027-03-02T03:00:00Z",
    welcomed: "2027-03-02T03:00:00Z",
    active: "2027-03-02",
  });
  await seedMember(community, "U0BUDI", { joined: "2027-03-03T03:00:00Z", welcomed: "2027-03-03T03:00:00Z" });
  await seedMember(community, "U0GONE", {
    welcomed: "2027-03-04T03:00:00Z",
    status: "alumni",
    active: "2027-03-04",
  });
  await run(
    "INSERT INTO meeting_series (community_id, cadence, first_day, start_minute, minutes, link, updated_at) VALUES (?, 'weekly', '2027-03-02', 1140, 60, 'https://meet.example/cop', '2027-02-20T00:00:00Z')",
    c,
  );
  await run(
    "INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, notes, recorded_by, created_at) VALUES (?, 'hosted', '2027-03-02', 'U0OLD', 'marked', ?, 'U0OLD', '2027-03-02T14:00:00Z')",
    c,
    "We compared rubrics <!channel> @everyone",
  );
  await run(
    "INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at) VALUES (?, 'assigned', '2027-03-09', 'U0AYU', 'announced', '2027-03-06T12:00:00Z')",
    c,
  );
  const topic = async (title: string, status: string, created: string, votes: string[]) => {
    const row = await env.DB.prepare(
      `INSERT INTO topics (community_id, title, title_key, suggested_by, status, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, 'U0OLD', ?, ?, ?, ?) RETURNING id`,
    )
      .bind(c, title, title.toLowerCase(), status, status === "archived" ? created : null, created, created)
      .first<{ id: number }>();
    for (const user of votes) {
      await run(
        "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, ?, ?, ?)",
        c,
        row?.id,
        user,
        created,
      );
    }
    return row?.id ?? 0;
  };
  await topic("Rubrics for group work", "open", "2027-02-10T00:00:00Z", ["U0OLD", "U0AYU", "U0BUDI"]);
  const peer = await topic("Peer observation <!here>", "open", "2027-03-04T00:00:00Z", ["U0AYU"]);
  await topic("Exit tickets", "archived", "2027-01-10T00:00:00Z", []);
  await run(
    "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, '2027-03-09', ?, 'rule', '2027-03-06T12:00:00Z')",
    c,
    peer,
  );
  for (const [user, answer] of [
    ["U0AYU", "yes"],
    ["U0OLD", "yes"],
    ["U0BUDI", "maybe"],
  ]) {
    await run(
      "INSERT INTO meeting_rsvps (community_id, meeting_day, user_id, answer, updated_at) VALUES (?, '2027-03-09', ?, ?, '2027-03-07T00:00:00Z')",
      c,
      user,
      answer,
    );
  }
  await run(
    `INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
     VALUES (?, 'U0OLD', 'U0AYU', 'for the rubric template <@U0QUIET>', 'C0GENERAL', '2027-03-05', 'kudos:U0OLD:1', '2027-03-05T03:00:00Z')`,
    c,
  );
  return community;
}

interface SlackText {
  readonly text: string;
}
interface SlackBlock {
  readonly type: string;
  readonly text?: SlackText;
  readonly fields?: readonly SlackText[];
  readonly elements?: readonly { readonly text: SlackText | string }[];
}

/** A rendered Slack message as readable lines: header, section text and fields, context, buttons. */
export function slackLines(message: Message): string {
  const lines: string[] = [];
  const text = (t: SlackText | string | undefined) => (typeof t === "string" ? t : (t?.text ?? ""));
  for (const block of renderSlackMessage(message).blocks as SlackBlock[]) {
    if (block.type === "header") lines.push(`# ${text(block.text)}`);
    if (block.type === "section") {
      if (block.text) lines.push(text(block.text));
      for (const field of block.fields ?? []) lines.push(`  ${field.text.replace("\n", " ")}`);
    }
    if (block.type === "context") lines.push(`> ${text(block.elements?.[0]?.text)}`);
    if (block.type === "actions")
      lines.push((block.elements ?? []).map((b) => `[${text(b.text)}]`).join(" "));
  }
  return lines.join("\n");
}
