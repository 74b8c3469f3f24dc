import type { Feature } from "../../core/feature.ts";
import { REPORT_ACTIONS, REPORT_FORMS } from "./card-actions.ts";
import { conduct } from "./conduct.ts";
import { reportCommand } from "./report-command.ts";
import { reasonForm, reportMessage } from "./report-message.ts";
import { reportsChannel } from "./settings.ts";

/**
 * Private reports to moderators (issue 23): `/cop report <what happened>` and the triage card
 * with its Claim, Resolve and Dismiss buttons (`card-actions.ts`); `/copmod report channel`, the
 * moderators' channel for triage cards; and `/cop conduct`, the code of conduct members can read any time. Its core part; the store part is `store.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const reports: Feature = {
  name: "reports",
  commands: [reportCommand, conduct, reportsChannel],
  groups: { report: "cmd.report" },
  actions: REPORT_ACTIONS,
  forms: [...REPORT_FORMS, reasonForm],
  messageActions: [reportMessage],
};

export type { ReportSettings, ReportsEffect, ReportsReads, ReportView } from "./ports.ts";
