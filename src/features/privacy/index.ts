import type { Feature } from "../../core/feature.ts";
import { profileExport } from "./export.ts";
import { forgetConfirm, profileForget } from "./forget.ts";

export type { PrivacyExport, PrivacyForgetEffect, PrivacyMember, PrivacyReads } from "./ports.ts";

/**
 * Privacy: a member's own data. Its commands live under the profile feature's `profile` group word
 * (`/cop profile forget`), since that is where a member looks for what guyub knows about them, but
 * the engine is its own folder: it reads every feature's `memberData` hook (engine-store.ts), which no
 * single feature should own. The store part is `store.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const privacy: Feature = {
  name: "privacy",
  commands: [profileExport, profileForget],
  actions: [forgetConfirm],
};
