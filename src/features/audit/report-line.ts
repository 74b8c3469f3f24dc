import { memberMention as member } from "../../core/former-member.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Inline } from "../../core/message.ts";
import type { HistoryEntry } from "./ports.ts";

const STATUS = {
  open: "audit.report.open",
  claimed: "audit.report.claimed",
  resolved: "audit.report.resolved",
  dismissed: "audit.report.dismissed",
} as const;

/**
 * A report's line after the time (the reports' history source, src/features/reports/history-store.ts):
 * `a member · Report to moderators · about @budi · claimed by @ayu · reported by 2 · sent to every
 * moderator after 24 hours`. Never who reported, what, or why: the source does not even read them.
 */
export function reportLine(t: Translator, row: HistoryEntry): Inline[] {
  const d = row.detail;
  const pieces: Inline[] = [t("audit.report.who"), " · ", { bold: t("audit.line.report") }];
  if (typeof d.reported === "string")
    pieces.push(" · ", ...t.rich("audit.report.about", { member: member(t, d.reported) }));
  const status = STATUS[d.status as keyof typeof STATUS];
  if (status) pieces.push(" · ", t(status));
  if (typeof d.claimedBy === "string")
    pieces.push(" ", ...t.rich("audit.report.by", { member: member(t, d.claimedBy) }));
  pieces.push(" · ", t("audit.report.count", { count: String(Number(d.count) || 1) }));
  if (d.escalated === 1 || d.escalated === true) pieces.push(" · ", t("audit.report.escalated"));
  return pieces;
}
