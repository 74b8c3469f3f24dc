import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * What the meeting memory keeps about a member: the notes, resources and actions they added or
 * took on, the links they shared on topics, and the meetings they attended. Forgetting keeps all
 * of it (the community's learning and its counts) under the placeholder, shown as "a former
 * member"; the placeholder is unique per member, so attendance's key (meeting, user) still holds.
 */
export const memoryMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const [entries, resources, attendance] = await Promise.all([
      db
        .selectFrom("meeting_entries")
        .select(["number", "meeting_day", "kind", "body", "url", "assignee", "author", "created_at"])
        .where("community_id", "=", communityId)
        .where((eb) => eb.or([eb("author", "=", userId), eb("assignee", "=", userId)]))
        .orderBy("number")
        .execute(),
      db
        .selectFrom("topic_resources")
        .select(["topic_id", "url", "title", "created_at"])
        .where("community_id", "=", communityId)
        .where("added_by", "=", userId)
        .orderBy("id")
        .execute(),
      db
        .selectFrom("meeting_attendance")
        .select(["meeting_day", "source", "recorded_at"])
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .orderBy("meeting_day")
        .execute(),
    ]);
    return {
      meetingEntries: entries.map((e) => ({
        number: e.number,
        meeting: e.meeting_day,
        kind: e.kind,
        text: e.body,
        link: e.url,
        wrote: e.author === userId,
        takenOn: e.assignee === userId,
        at: e.created_at,
      })),
      topicResources: resources.map((r) => ({
        topic: r.topic_id,
        link: r.url,
        title: r.title,
        at: r.created_at,
      })),
      attended: attendance.map((a) => ({ meeting: a.meeting_day, confirmedBy: a.source, at: a.recorded_at })),
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    const where = (column: string) =>
      sql`WHERE community_id = ${communityId} AND ${sql.ref(column)} = ${userId}`;
    return [
      sql`UPDATE meeting_entries SET author = ${placeholder} ${where("author")}`.compile(db),
      sql`UPDATE meeting_entries SET assignee = ${placeholder} ${where("assignee")}`.compile(db),
      sql`UPDATE topic_resources SET added_by = ${placeholder} ${where("added_by")}`.compile(db),
      sql`UPDATE meeting_attendance SET user_id = ${placeholder} ${where("user_id")}`.compile(db),
      sql`UPDATE meeting_attendance SET recorded_by = ${placeholder} ${where("recorded_by")}`.compile(db),
    ];
  },
};
