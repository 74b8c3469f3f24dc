import { defineCommand } from "../../core/commands/define.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { ephemeral, type Message } from "../../core/message.ts";
import { OPEN_PATH, randomSecret, secretHash } from "./link.ts";
import { LINK_TTL_MS } from "./ports.ts";

/**
 * `/copmod dashboard`: a private reply with a link to the community's health page that works
 * once, within 15 minutes, for this moderator and this community. Only the token's hash is
 * stored; the reply asks the platform for no link preview, so no preview fetcher sees the page
 * (and opening the link only shows a button: the POST behind it redeems the token).
 */
export const dashboardCommand = defineCommand({
  path: ["dashboard"],
  summary: "cmd.dashboard",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    if (!ctx.publicUrl) return { message: ephemeral({ type: "text", text: ctx.t("dashboard.noAddress") }) };
    const token = randomSecret();
    const expiresAt = new Date(ctx.now.getTime() + LINK_TTL_MS);
    const message = linkMessage(ctx, `${ctx.publicUrl}${OPEN_PATH}?t=${token}`);
    return {
      message,
      effects: [
        {
          type: "dashboard.link",
          tokenHash: await secretHash(token),
          userId: ctx.member.platformUserId,
          expiresAt: expiresAt.toISOString(),
        },
      ],
      // A replayed delivery stored nothing now: its link would not open, so it says so.
      replyAfter: async ({ duplicate }) =>
        duplicate
          ? ephemeral({
              type: "text",
              text: ctx.t("dashboard.link.replayed", { usage: `${ctx.syntax.moderatorPrefix} dashboard` }),
            })
          : message,
    };
  },
});

function linkMessage(ctx: CommandContext, url: string): Message {
  return {
    ...ephemeral(
      { type: "heading", text: ctx.t("dashboard.link.title") },
      { type: "text", text: [{ link: url }] },
      { type: "context", text: ctx.t("dashboard.link.note", { minutes: String(LINK_TTL_MS / 60_000) }) },
    ),
    noPreviews: true,
  };
}
