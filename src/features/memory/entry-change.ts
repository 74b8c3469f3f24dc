import type { Token } from "../../core/commands/parse-text.ts";
import type { CommandContext, CommandResult } from "../../core/commands/types.ts";
import { ephemeral } from "../../core/message.ts";
import { hostOf } from "../meetings/closing.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { rotationScope } from "../rotation/scope.ts";
import { entryText, entryUsage, isProblem, problemText } from "./entry-text.ts";
import type { EntryKind, MeetingEntry } from "./ports.ts";
import { recordDraft } from "./record.ts";

/** The record's draft after a change to one of its entries (`change` null: removed). */
async function afterChange(ctx: CommandContext, entry: MeetingEntry, change: Partial<MeetingEntry> | null) {
  const before = await ctx.store.memory.record(ctx.community.id, entry.meetingDay);
  const at = ctx.now.toISOString();
  const entries = before.entries.flatMap((e) =>
    e.number !== entry.number ? [e] : change ? [{ ...e, ...change, updatedAt: at }] : [],
  );
  const record = await recordDraft(ctx, entry.meetingDay, before, { entries, attended: before.attended });
  return record ? { record } : {};
}

const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/**
 * The entry a member may change: its author, the host of its meeting, or a moderator (asked
 * last: the platform may be asked). Else the answer that says why not.
 */
async function changeable(ctx: CommandContext, number: number): Promise<MeetingEntry | CommandResult> {
  const entry = await ctx.store.memory.entry(ctx.community.id, number);
  if (!entry) return say(ctx.t("memory.notFound", { number: String(number) }));
  const me = ctx.member.platformUserId;
  if (entry.author === me) return entry;
  const zone = ctx.community.timezone;
  const book = await ctx.store.rotation.view(
    ctx.community.id,
    rotationScope(ctx.now, zone, [entry.meetingDay]),
  );
  if (hostOf(book.state, entry.meetingDay) === me) return entry;
  if ((await ctx.moderatorStatus({ fresh: true })) === "moderator") return entry;
  return say(ctx.t("memory.notYours", { number: String(number) }));
}

const isEntry = (value: MeetingEntry | CommandResult): value is MeetingEntry => "number" in value;

/** `… remove 3`: any kind's word removes entry 3, as long as the member may change it. */
export async function removeEntry(ctx: CommandContext, number: number): Promise<CommandResult> {
  const entry = await changeable(ctx, number);
  if (!isEntry(entry)) return entry;
  const kind = ctx.t(`memory.kind.${entry.kind}`);
  const day = formatDayName(entry.meetingDay, ctx.t.locale);
  return {
    message: ephemeral({
      type: "text",
      text: ctx.t("memory.removed", { kind, number: String(number), day }),
    }),
    effects: [{ type: "memory.remove", number, ...(await afterChange(ctx, entry, null)) }],
  };
}

/** `… edit 3 <new text>`: typed with the entry's own kind (a resource's link and title). */
export async function editEntry(
  ctx: CommandContext,
  kind: EntryKind,
  number: number,
  tokens: readonly Token[],
): Promise<CommandResult> {
  const entry = await changeable(ctx, number);
  if (!isEntry(entry)) return entry;
  if (entry.kind !== kind)
    return say(
      ctx.t("memory.otherKind", {
        number: String(number),
        kind: ctx.t(`memory.kind.${entry.kind}`),
        usage: entryUsage(ctx, entry.kind, `edit ${number} …`),
      }),
    );
  const text = entryText(kind, tokens);
  if (isProblem(text)) return say(problemText(ctx, kind, text));
  const label = ctx.t(`memory.kind.${kind}`);
  return {
    message: ephemeral({
      type: "text",
      text: ctx.t("memory.edited", { kind: label, number: String(number) }),
    }),
    effects: [{ type: "memory.edit", number, ...text, ...(await afterChange(ctx, entry, text)) }],
  };
}
