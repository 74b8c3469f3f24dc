import { defineCommand } from "../../core/commands/define.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import { type Block, ephemeral, type Message } from "../../core/message.ts";
import type { PrivacyExport } from "./ports.ts";

/**
 * Past this size the file is refused rather than sent: far above what one member's rows make
 * (a few KB), far below Discord's 10 MiB upload limit for bots and D1's row limit for the outbox.
 */
export const EXPORT_MAX_BYTES = 512 * 1024;

/**
 * `/cop profile export`: everything guyub keeps about the member in this community, as a short
 * summary in the private reply and the whole of it as a JSON file sent to them by DM. The file
 * goes through the outbox like every delivered message: written in the command's transaction
 * (a retried command writes it once), retried on failure, uploaded once (see the senders).
 */
export const profileExport = defineCommand({
  path: ["profile", "export"],
  summary: "cmd.profile.export",
  options: {},
  moderator: false,
  // Someone who stepped back still has data guyub keeps: they may see it without rejoining.
  openToAlumni: true,
  example: {},
  async handle(ctx) {
    const { member, community, now, t } = ctx;
    const data = await ctx.store.privacy.exportOf(community.id, {
      memberId: member.id,
      userId: member.platformUserId,
    });
    const content = JSON.stringify(
      { community: community.name, member: member.platformUserId, exportedAt: now.toISOString(), data },
      null,
      2,
    );
    if (new TextEncoder().encode(content).length > EXPORT_MAX_BYTES) {
      return { message: ephemeral({ type: "text", text: t("privacy.exportTooLarge") }) };
    }
    const summary = summaryBlocks(ctx, data);
    const day = now.toISOString().slice(0, 10);
    const file: Message = {
      visibility: "public",
      blocks: [
        { type: "text", text: t("privacy.exportFileIntro", { community: community.name ?? "guyub" }) },
      ],
      file: { name: `guyub-export-${day}.json`, title: t("privacy.exportFileTitle", { day }), content },
    };
    // Keyed by the platform's delivery id where there is one, so a retried command sends once.
    const key = `export:${member.platformUserId}:${ctx.ingressKey ?? now.toISOString()}`;
    const userId = member.platformUserId;
    // A private follow-up to the command reaches a member whose DMs are closed (Discord); once
    // its token has expired the delivery sends it as a DM instead (src/delivery/requests.ts).
    const draft: OutboxDraft = ctx.followupToken
      ? { kind: "followup", key, userId, message: file, ...followup(ctx.followupToken) }
      : { kind: "dm", key, userId, message: file };
    return {
      message: ephemeral(...summary, {
        type: "context",
        text: t(draft.kind === "followup" ? "privacy.exportFileFollows" : "privacy.exportFileComing"),
      }),
      effects: [{ type: "outbox.send", draft }],
    };
  },
});

function followup(token: { readonly token: string; readonly expiresAt: Date }) {
  return { token: token.token, tokenExpiresAt: token.expiresAt };
}

/** What each part holds, one line each (parts holding nothing are left out): readable, short. */
function summaryBlocks(ctx: Pick<CommandContext, "t">, data: PrivacyExport): Block[] {
  const lines = Object.entries(data).flatMap(([part, fields]) => {
    const count = Object.values(fields).reduce<number>((sum, value) => sum + entries(value), 0);
    const items =
      count === 1 ? ctx.t("privacy.exportCountOne") : ctx.t("privacy.exportCount", { count: String(count) });
    return count > 0 ? [`• ${partLabel(ctx, part)}: ${items}`] : [];
  });
  const text = lines.length > 0 ? lines.join("\n") : ctx.t("privacy.exportNothing");
  return [
    { type: "text", text: ctx.t("privacy.exportIntro") },
    { type: "text", text },
  ];
}

function entries(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  return 1;
}

const PART_LABELS = {
  profiles: "privacy.part.profiles",
  membership: "privacy.part.membership",
  kudos: "privacy.part.kudos",
  meetings: "privacy.part.meetings",
  rotation: "privacy.part.rotation",
  topics: "privacy.part.topics",
  nudges: "privacy.part.nudges",
  reports: "privacy.part.reports",
  audit: "privacy.part.audit",
  core: "privacy.part.core",
} as const;

function partLabel(ctx: Pick<CommandContext, "t">, part: string): string {
  const key = PART_LABELS[part as keyof typeof PART_LABELS];
  return key ? ctx.t(key) : part;
}
