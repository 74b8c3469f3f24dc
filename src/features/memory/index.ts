import type { Feature } from "../../core/feature.ts";
import { attendAction } from "./attend.ts";
import { meetingAction, meetingNote, meetingResource } from "./entry-command.ts";
// The memory's reads and effects join core's `CommunityStore` and `Effect` in ports.ts: named
// here so every program that lists the feature sees them.
import type {} from "./ports.ts";
import { topicResource } from "./topic-resource.ts";

export type { MeetingEntry, MemoryReads } from "./ports.ts";

/**
 * The meeting memory: what the community learns, kept. `/cop meeting note|resource|action`
 * (entries of a meeting's record, edited and removed by number). Its core part; the store part
 * is `store.ts` (with `member-data-store.ts`), the strings `strings-en.ts`/`strings-id.ts`.
 */
export const memory: Feature = {
  name: "memory",
  commands: [meetingNote, meetingResource, meetingAction, topicResource],
  actions: [attendAction],
};
