import { actionButton } from "../../core/actions/pack.ts";
import type { ActionContext } from "../../core/actions/types.ts";
import { memberMention } from "../../core/former-member.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Field, Inline, Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { announcementKey } from "../meetings/announcement-key.ts";
import { hostOf } from "../meetings/closing.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { rotationScope } from "../rotation/scope.ts";
import type { EntryKind, MeetingEntry, RecordDraft, RecordState } from "./ports.ts";
import { entryLength, recordFingerprint, recordKey } from "./record-key.ts";

/** The "I was there" button's id (argument: the meeting's scheduled day). */
export const ATTEND_ACTION = "memory.attend";
/** A line of the record shows at most this much of an entry (the whole is in search and export). */
const LINE_MAX = 150;
/** The entries' lines together stay within this, so the post fits Discord's 2,000 characters. */
const LINES_BUDGET = 1300;
const KINDS: readonly EntryKind[] = ["note", "resource", "action"];

/** The meeting's state after a change: its entries and attendance count. */
export interface RecordAfter {
  readonly entries: readonly MeetingEntry[];
  readonly attended: number;
}

const clip = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join("")}…`;

function entryLine(t: Translator, e: MeetingEntry): Inline[] {
  const line: Inline[] = [`#${e.number} ${clip(e.body, LINE_MAX)}`];
  if (e.url) line.push(` ${e.url}`);
  if (e.assignee) line.push(" → ", memberMention(t, e.assignee));
  return line;
}

/**
 * The record of a meeting, posted under its announcement: topic, host and how many attended, then
 * its notes, resources and actions by number (member text as plain strings: renderers escape them;
 * only an action's assignee is a mention), and the "I was there" button.
 */
export function recordMessage(
  community: Pick<Community, "id">,
  t: Translator,
  meetingDay: string,
  head: { readonly topic: string | null; readonly host: string | null },
  after: RecordAfter,
): Message {
  const fields: Field[] = [];
  if (head.topic) fields.push({ label: t("record.topic"), value: head.topic });
  fields.push({ label: t("record.host"), value: head.host ? [memberMention(t, head.host)] : "—" });
  fields.push({ label: t("record.attended"), value: String(after.attended) });
  const blocks: Block[] = [
    { type: "heading", text: t("record.heading", { day: formatDayName(meetingDay, t.locale) }) },
    { type: "fields", fields },
  ];
  let budget = LINES_BUDGET;
  let hidden = 0;
  for (const kind of KINDS) {
    const lines: Inline[] = [{ bold: t(`record.${kind}s`) }];
    for (const entry of after.entries.filter((e) => e.kind === kind)) {
      const cost = Math.min([...entry.body].length, LINE_MAX) + (entry.url?.length ?? 0) + 8;
      if (cost > budget) {
        hidden += 1;
        continue;
      }
      budget -= cost;
      lines.push("\n", ...entryLine(t, entry));
    }
    if (lines.length > 1) blocks.push({ type: "text", text: lines });
  }
  if (hidden > 0) blocks.push({ type: "context", text: t("record.more", { count: String(hidden) }) });
  if (after.entries.length === 0) blocks.push({ type: "context", text: t("record.empty") });
  blocks.push(
    { type: "actions", buttons: [actionButton(community, ATTEND_ACTION, t("record.attend"), [meetingDay])] },
    { type: "context", text: t("record.footer") },
  );
  return { visibility: "public", blocks };
}

/** What drawing the record needs: a command's or button's context, or a job's. */
export type RecordContext = Pick<ActionContext, "community" | "t" | "now" | "store">;

/**
 * The record's draft after a change: its first post, a reply under the announcement, or an edit
 * of it, guarded on the state it shows (`RecordDraft`). None when there is nowhere to post it
 * (no announcement and no main channel).
 */
export async function recordDraft(
  ctx: RecordContext,
  meetingDay: string,
  before: RecordState,
  after: RecordAfter,
): Promise<RecordDraft | undefined> {
  const zone = ctx.community.timezone;
  const [topic, book, onboarding] = await Promise.all([
    ctx.store.topicRefresh.meetingTopic(ctx.community.id, meetingDay),
    ctx.store.rotation.view(ctx.community.id, rotationScope(ctx.now, zone, [meetingDay])),
    before.posted || before.announcementChannel ? null : ctx.store.membership.onboarding(ctx.community.id),
  ]);
  const message = recordMessage(
    ctx.community,
    ctx.t,
    meetingDay,
    { topic: topic?.title ?? null, host: hostOf(book.state, meetingDay) },
    after,
  );
  const fingerprint = recordFingerprint({
    count: after.entries.length,
    // ISO strings sort as the moments they name (SQLite's max(updated_at) does the same).
    lastChange:
      after.entries
        .map((e) => e.updatedAt)
        .sort()
        .at(-1) ?? "",
    textLength: after.entries.reduce((sum, e) => sum + entryLength(e), 0),
    numbers: after.entries.reduce((sum, e) => sum + e.number, 0),
    attended: after.attended,
  });
  const key = recordKey(meetingDay);
  if (before.posted) {
    const editKey = `${key}:edit:${ctx.now.getTime()}:${crypto.randomUUID().slice(0, 8)}`;
    return { meetingDay, fingerprint, draft: { kind: "edit", key: editKey, editOf: key, message } };
  }
  const channelId = before.announcementChannel ?? onboarding?.mainChannelId ?? null;
  if (!channelId) return undefined;
  return {
    meetingDay,
    fingerprint,
    draft: { kind: "post", key, channelId, replyTo: announcementKey(meetingDay), message },
  };
}
