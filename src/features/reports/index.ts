import type { Feature } from "../../core/feature.ts";
import { conduct } from "./conduct.ts";
import { reportsChannel } from "./settings.ts";

/**
 * Private reports to moderators (issue 23): `/copmod report channel`, the moderators' channel for
 * triage cards; and `/cop conduct`, the code of conduct members can read any time. Its core part; the store part is `store.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const reports: Feature = {
  name: "reports",
  commands: [conduct, reportsChannel],
  groups: { report: "cmd.report" },
};

export type { ReportSettings, ReportsEffect, ReportsReads } from "./ports.ts";
