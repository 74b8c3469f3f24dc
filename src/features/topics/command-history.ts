import { defineCommand } from "../../core/commands/define.ts";
import { memberMention } from "../../core/former-member.ts";
import { ephemeral, type Inline } from "../../core/message.ts";
import { formatDayName } from "../meetings/holidays.ts";

/** Meetings shown at most: with titles cut to `TITLE_CHARS` the reply fits Discord's 2,000 characters. */
export const HISTORY_LIMIT = 10;
const TITLE_CHARS = 100;

/**
 * `/cop topic history`: the held meetings' topics, newest first, with the day and the host the
 * ledger recorded. Titles are members' text: plain strings, escaped by the renderers; the host is
 * the only mention, in a private reply that notifies nobody.
 */
export const topicHistory = defineCommand({
  path: ["topic", "history"],
  summary: "cmd.topic.history",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    const { t } = ctx;
    const held = await ctx.store.topicRefresh.history(ctx.community.id, HISTORY_LIMIT);
    if (held.length === 0)
      return {
        message: ephemeral({
          type: "text",
          text: t("topicHistory.empty", { usage: `${ctx.syntax.prefix} topic suggest` }),
        }),
      };
    const lines: Inline[] = held.flatMap((meeting, i) => {
      const day = formatDayName(meeting.meetingDay, t.locale);
      const title = shorten(meeting.title, TITLE_CHARS);
      const line = meeting.host
        ? t.rich("topicHistory.line", { day, title, host: memberMention(t, meeting.host) })
        : t.rich("topicHistory.lineNoHost", { day, title });
      return [...(i > 0 ? ["\n"] : []), "• ", ...line];
    });
    return {
      message: ephemeral(
        { type: "heading", text: t("topicHistory.title") },
        { type: "text", text: lines },
        ...(held.length === HISTORY_LIMIT
          ? [{ type: "context" as const, text: t("topicHistory.more", { count: String(HISTORY_LIMIT) }) }]
          : []),
      ),
    };
  },
});

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
