import { defineCommand } from "../../core/commands/define.ts";
import type { Translator } from "../../core/i18n/index.ts";
import { formatDay, formatMoment } from "../../core/membership/dates.ts";
import { ephemeral, type Inline } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import type { SyncStatus } from "./ports.ts";

/** How many of the newest members `/copmod members` lists. */
const NEWEST = 10;

/** `/copmod members` (moderators): counts by status, the newest members with their join days, the sync. */
export const members = defineCommand({
  path: ["members"],
  summary: "cmd.members",
  options: {},
  moderator: true,
  readOnly: true,
  example: {},
  async handle(ctx) {
    const { t, community } = ctx;
    const overview = await ctx.store.membership.overview(community.id, NEWEST);
    const count = (n: number) => new Intl.NumberFormat(t.locale).format(n);
    const newest: Inline[] = overview.newest.flatMap((m, i) => [
      ...(i === 0 ? [] : ["\n"]),
      ...t.rich("members.joined", {
        member: { user: m.userId },
        date: formatDay(m.joinedAt, t.locale, community.timezone),
      }),
    ]);
    return {
      message: ephemeral(
        { type: "heading", text: t("members.title") },
        {
          type: "fields",
          fields: [
            { label: t("members.active"), value: count(overview.counts.active) },
            { label: t("members.paused"), value: count(overview.counts.paused) },
            { label: t("members.alumni"), value: count(overview.counts.alumni) },
          ],
        },
        { type: "text", text: [{ bold: t("members.newest") }] },
        { type: "text", text: newest.length > 0 ? newest : t("members.none") },
        {
          type: "context",
          text: syncLine(t, community, overview.sync, `${ctx.syntax.moderatorPrefix} onboarding sync`),
        },
      ),
    };
  },
});

function syncLine(t: Translator, community: Community, sync: SyncStatus, usage: string): string {
  const lines: string[] = [];
  if (sync.inProgress) lines.push(t("members.syncRunning", { seen: String(sync.seen) }));
  if (sync.lastFinishedAt) {
    lines.push(
      t("members.syncLast", {
        at: formatMoment(sync.lastFinishedAt, t.locale, community.timezone),
        seen: String(sync.lastSeen ?? 0),
        joined: String(sync.lastJoined ?? 0),
        left: String(sync.lastLeft ?? 0),
      }),
    );
  } else if (!sync.inProgress) {
    lines.push(t("members.syncNever", { usage }));
  }
  if (sync.lastError) lines.push(t("members.syncError", { error: sync.lastError }));
  return lines.join("\n");
}
