import { defineCommand } from "../../../core/commands/define.ts";
import { option } from "../../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { ephemeral } from "../../../core/message.ts";

const say = (text: ReturnType<CommandContext["t"]["rich"]> | string): CommandResult => ({
  message: ephemeral({ type: "text", text }),
});

/** Where a member stands: unknown to guyub, in the rotation, or taken out by a moderator. */
async function standing(ctx: CommandContext, userId: string): Promise<"unknown" | "in" | "out"> {
  const [stored, member] = await Promise.all([
    ctx.store.membership.member(ctx.community.id, userId),
    ctx.store.rotation.member(ctx.community.id, userId),
  ]);
  if (stored?.status !== "active") return "unknown";
  return member?.status === "active" ? "in" : "out";
}

/** `/copmod rotation add @member` (moderators): back in the rotation, and opted in. */
export const rotationAdd = defineCommand({
  path: ["rotation", "add"],
  summary: "cmd.rotation.add",
  options: { member: option.user("arg.member", "arg.member.help") },
  moderator: true,
  example: { member: "@ayu" },
  async handle(ctx, { member }) {
    const mention = { member: { user: member } };
    const where = await standing(ctx, member);
    if (where === "unknown") return say(ctx.t.rich("rotation.unknownMember", mention));
    return {
      ...say(ctx.t.rich(where === "in" ? "rotation.alreadyIn" : "rotation.added", mention)),
      // Opting in counts in `volunteers` mode: a moderator's add means "they take turns".
      effects: [{ type: "rotation.member", userId: member, excluded: false, optedIn: true }],
    };
  },
});

/** `/copmod rotation remove @member` (moderators): out of the rotation; their history stays. */
export const rotationRemove = defineCommand({
  path: ["rotation", "remove"],
  summary: "cmd.rotation.remove",
  options: { member: option.user("arg.member", "arg.member.help") },
  moderator: true,
  example: { member: "@ayu" },
  async handle(ctx, { member }) {
    const mention = { member: { user: member } };
    const where = await standing(ctx, member);
    if (where === "unknown") return say(ctx.t.rich("rotation.unknownMember", mention));
    if (where === "out") return say(ctx.t.rich("rotation.alreadyOut", mention));
    return {
      ...say(ctx.t.rich("rotation.removed", mention)),
      effects: [{ type: "rotation.member", userId: member, excluded: true }],
    };
  },
});

/** `/copmod rotation mode everyone|volunteers` (moderators). */
export const rotationMode = defineCommand({
  path: ["rotation", "mode"],
  summary: "cmd.rotation.mode",
  options: {
    mode: option.choice(["everyone", "volunteers"] as const, "arg.mode", "arg.mode.help", {
      everyone: { id: ["semua"] },
      volunteers: { id: ["sukarela"] },
    }),
  },
  moderator: true,
  example: { mode: "volunteers" },
  async handle(ctx, { mode }) {
    const settings = await ctx.store.rotation.settings(ctx.community.id);
    if (settings.mode === mode) return say(ctx.t("rotation.modeUnchanged"));
    const text =
      mode === "everyone"
        ? ctx.t("rotation.mode.everyone")
        : ctx.t("rotation.mode.volunteers", {
            count: String(await ctx.store.rotation.poolSize(ctx.community.id, "volunteers")),
            usage: `${ctx.syntax.prefix} rotation volunteer`,
          });
    return { ...say(text), effects: [{ type: "rotation.mode", mode }] };
  },
});
