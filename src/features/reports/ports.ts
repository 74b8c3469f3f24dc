/** Reports one member may make per local day; the 6th is refused inside its INSERT. */
export const REPORTS_PER_DAY = 5;

/** The reports' settings (report_settings, migration 0018). */
export interface ReportSettings {
  /** The private moderators' channel for triage cards; null: cards go to moderators by DM. */
  readonly channelId: string | null;
}

/** What reports read (store.ts). */
export interface ReportsReads {
  settings(communityId: number): Promise<ReportSettings>;
}

/** The reports' state changes, applied by `store.apply` in one batch (store.ts). */
export type ReportsEffect = { readonly type: "reports.channel"; readonly channelId: string | null };

// The reports' state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    reports: ReportsEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly reports: ReportsReads;
  }
}
