import type { Feature } from "../../core/feature.ts";
import { auditList, auditMore, auditNote } from "./command.ts";

export type { AuditNoteEffect, AuditReads, HistoryEntry } from "./ports.ts";

/**
 * The audit trail: `/copmod audit list [@member]` and `/copmod audit note @member <text>`. Notes
 * are audit rows (no table of its own); the trail is append-only (test/audit-append-only.test.ts)
 * and kept for a year (`RETENTION.auditTrail`, erased by housekeeping).
 */
export const audit: Feature = {
  name: "audit",
  commands: [auditList, auditNote],
  groups: { audit: "cmd.audit" },
  actions: [auditMore],
};
