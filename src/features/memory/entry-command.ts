import { defineCommand } from "../../core/commands/define.ts";
import { rawText } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import type { CommandResult } from "../../core/commands/types.ts";
import { ephemeral } from "../../core/message.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { editEntry, removeEntry } from "./entry-change.ts";
import { entryText, entryUsage, isProblem, problemText } from "./entry-text.ts";
import { readEntryWords } from "./entry-words.ts";
import { targetMeeting } from "./meeting-target.ts";
import type { EntryKind, MeetingEntry } from "./ports.ts";
import { recordDraft } from "./record.ts";

const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });
/** What was typed may be longer than what is kept (mentions' ids): the handler says "too long". */
const TYPED_MAX = 4000;

function entryCommand(kind: EntryKind) {
  const resource = kind === "resource";
  return defineCommand({
    path: ["meeting", kind],
    summary: `cmd.meeting.${kind}`,
    options: {
      text: resource
        ? rawText("arg.resourceText", "arg.resourceText.help", TYPED_MAX)
        : rawText("arg.entryText", "arg.entryText.help", TYPED_MAX),
    },
    moderator: false,
    example: {
      text: localized(
        kind === "note" ? "example.memoryNote" : resource ? "example.memoryResource" : "example.memoryAction",
      ),
    },
    async handle(ctx, args) {
      const words = readEntryWords(args.text);
      switch (words.kind) {
        case "noNumber":
          return say(ctx.t("memory.noNumber", { usage: entryUsage(ctx, kind, `${words.word} 3`) }));
        case "badDate":
          return say(ctx.t("memory.badDate", { value: words.text }));
        case "remove":
          return removeEntry(ctx, words.number);
        case "edit":
          return editEntry(ctx, kind, words.number, words.tokens);
      }
      const target = await targetMeeting(ctx, words.date);
      if ("refusal" in target) return say(target.refusal);
      const text = entryText(kind, words.tokens);
      if (isProblem(text)) return say(problemText(ctx, kind, text));
      const meetingDay = target.meeting.scheduledDay;
      const author = ctx.member.platformUserId;
      const day = formatDayName(meetingDay, ctx.t.locale);
      // The record as it will read with this entry (its number: the next, as the INSERT takes it).
      const before = await ctx.store.memory.record(ctx.community.id, meetingDay);
      const at = ctx.now.toISOString();
      const added: MeetingEntry = {
        ...text,
        number: before.lastNumber + 1,
        meetingDay,
        kind,
        author,
        createdAt: at,
        updatedAt: at,
      };
      const record = await recordDraft(ctx, meetingDay, before, {
        entries: [...before.entries, added],
        attended: before.attended,
      });
      return {
        message: ephemeral({ type: "text", text: ctx.t("memory.addedSoon", { day }) }),
        effects: [{ type: "memory.add", meetingDay, kind, author, ...text, ...(record ? { record } : {}) }],
        // The number is taken inside the INSERT: read it back to name it.
        replyAfter: async () => {
          const added = await ctx.store.memory.addedAt(ctx.community.id, author, ctx.now);
          if (!added) return ephemeral({ type: "text", text: ctx.t("memory.addedSoon", { day }) });
          const number = String(added.number);
          return ephemeral({
            type: "text",
            text: ctx.t("memory.added", {
              kind: ctx.t(`memory.kind.${kind}`),
              number,
              day,
              usage: entryUsage(ctx, kind, `edit ${number} …`),
            }),
          });
        },
      };
    },
  });
}

export const meetingNote = entryCommand("note");
export const meetingResource = entryCommand("resource");
export const meetingAction = entryCommand("action");
