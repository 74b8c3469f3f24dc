import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import type { ActionContext } from "../../core/actions/types.ts";
import { defineCommand } from "../../core/commands/define.ts";
import { option, optional } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { ephemeral, type Message } from "../../core/message.ts";
import { historyPage } from "./lines.ts";
import { NOTE_MAX, PAGE_SIZE } from "./ports.ts";

/** A page of the community's history (or of one member's), read one row past the page. */
async function page(ctx: ActionContext, offset: number, about: string | undefined): Promise<Message> {
  const rows = await ctx.store.audit.history(ctx.community.id, {
    ...(about === undefined ? {} : { about }),
    offset,
    limit: PAGE_SIZE + 1,
  });
  return historyPage(ctx.t, ctx.community, rows, { offset, ...(about === undefined ? {} : { about }) });
}

/**
 * `/copmod audit list [@member]`: the latest moderators' actions, who, what and when, newest first,
 * with a "More" button for the next page; with a member, what was done about them and the notes
 * on them. Private to the moderator who asked.
 */
export const auditList = defineCommand({
  path: ["audit", "list"],
  summary: "cmd.audit.list",
  options: { member: optional(option.user("arg.member", "arg.audit.member.help")) },
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: { member: "@ayu" },
  handle: async (ctx, { member }) => ({ message: await page(ctx, 0, member) }),
});

/**
 * `/copmod audit note @member <text>`: a private note, kept as the audit row of this command (so
 * it is append-only, shown in the member's history and erased after a year like every action).
 */
export const auditNote = defineCommand({
  path: ["audit", "note"],
  summary: "cmd.audit.note",
  options: {
    member: option.user("arg.member", "arg.audit.member.help"),
    text: option.text("arg.note", "arg.note.help", NOTE_MAX),
  },
  moderator: true,
  example: { member: "@ayu", text: localized("example.auditNote") },
  handle(ctx, { member }) {
    const usage = `${ctx.syntax.moderatorPrefix} audit list`;
    return {
      message: ephemeral({
        type: "text",
        text: ctx.t.rich("audit.noted", { member: { user: member }, usage }),
      }),
      effects: [{ type: "audit.note", member }],
    };
  },
});

/** "More": the next page. Its args: the offset, and the member whose history it is, if any. */
export const auditMore = defineAction({
  id: "audit.more",
  args: z.union([
    z.tuple([z.string().regex(/^\d{1,6}$/)]),
    z.tuple([z.string().regex(/^\d{1,6}$/), z.string().regex(/^[A-Za-z0-9]{1,32}$/)]),
  ]),
  moderator: true,
  handle: async (ctx, [offset, about]) => ({ reply: await page(ctx, Number(offset), about) }),
});
