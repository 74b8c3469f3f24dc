import { actionButton } from "../../core/actions/pack.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Inline, Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { RSVP_ACTION } from "../meetings/announcement.ts";
import { formatMeetingTime } from "../meetings/format.ts";

export const SNOOZE_ACTION = "nudge.snooze";
export const JUST_READ_ACTION = "nudge.read";

/** Stands in for the member in the template; SQL puts each member's id in its place. */
const SOMEONE = "U0NUDGEE";
/** Stands in for the matched topic's title in its line; SQL replaces it per member (no NUL: SQLite's replace() would stop at it). */
export const TOPIC_SLOT = "⦃topic⦄";

/** The next meeting as a nudge tells it. */
export interface NudgeMeeting {
  readonly startsAt: Date;
  readonly scheduledDay: string;
  /** The topic chosen for that meeting (`meeting_topics`), if any yet. */
  readonly topic: string | null;
}

/**
 * The nudge as a template: the same message for everyone except the member (a mention in the
 * greeting) and, where their profile's needs match an open topic, one more line naming it. The
 * fan-out fills both in SQL (`json_set` at the paths below), so the job never loads members.
 */
export interface NudgeTemplate {
  /** `{ message }` as the outbox stores it, without the matched-topic line. */
  readonly plain: string;
  /** The same with the matched-topic line, its title still `TOPIC_SLOT`. */
  readonly matched: string;
  /** JSON paths (in the stored payload) of the member's id and of the matched line's title text. */
  readonly userPath: string;
  readonly topicPath: string;
}

/** Builds the nudge in the community's language; personal parts are filled in per member. */
export function nudgeTemplate(
  community: Pick<Community, "id" | "name" | "timezone">,
  t: Translator,
  meeting: NudgeMeeting | null,
): NudgeTemplate {
  const greeting = t.rich("nudge.greeting", {
    user: { user: SOMEONE },
    community: community.name ?? "guyub",
  });
  const blocks: Block[] = [{ type: "text", text: greeting }];
  if (meeting) {
    const when = formatMeetingTime(meeting.startsAt, t.locale, community.timezone);
    blocks.push({ type: "text", text: t("nudge.nextMeeting", { when }) });
    if (meeting.topic) blocks.push({ type: "text", text: t("nudge.nextTopic", { topic: meeting.topic }) });
  }
  const tail: Block[] = [
    { type: "context", text: t("nudge.noPressure") },
    {
      type: "actions",
      buttons: [
        ...(meeting
          ? [actionButton(community, RSVP_ACTION, t("nudge.come"), [meeting.scheduledDay, "yes"], "primary")]
          : []),
        actionButton(community, SNOOZE_ACTION, t("nudge.snooze")),
        actionButton(community, JUST_READ_ACTION, t("nudge.justRead")),
      ],
    },
  ];
  const matchedLine: Block = { type: "text", text: t("nudge.matched", { topic: TOPIC_SLOT }) };
  const payload = (list: Block[]) =>
    JSON.stringify({ message: { blocks: list, visibility: "public" } satisfies Message });
  const mention = greeting.findIndex((piece: Inline) => typeof piece === "object" && "user" in piece);
  return {
    plain: payload([...blocks, ...tail]),
    matched: payload([...blocks, matchedLine, ...tail]),
    userPath: `$.message.blocks[0].text[${mention}].user`,
    topicPath: `$.message.blocks[${blocks.length}].text`,
  };
}

/**
 * Significant words of a topic's folded title, for the simple match against a member's needs:
 * four letters or more (short words match everything), at most eight.
 */
export function topicWords(titleKey: string): string[] {
  const words = titleKey
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  return [...new Set(words)].slice(0, 8);
}
