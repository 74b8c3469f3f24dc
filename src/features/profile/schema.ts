import type { Generated } from "kysely";

/** A member's profile (migrations/0004_profiles.sql); `benefits` is a JSON array of keys. */
export interface ProfilesTable {
  id: Generated<number>;
  community_id: number;
  member_id: number;
  does: string;
  shares: string;
  needs: Generated<string>;
  benefits: Generated<string>;
  frequency: "weekly" | "fortnightly" | "monthly" | "flexible";
  intro_consent: number;
  findable: number;
  answered_at: string;
  updated_at: string;
}

/** The Discord intro form's first step, waiting for the second; `answers` is JSON. */
export interface ProfileDraftsTable {
  member_id: number;
  community_id: number;
  answers: string;
  updated_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    profiles: ProfilesTable;
    profile_drafts: ProfileDraftsTable;
  }
}
