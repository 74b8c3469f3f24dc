/** A member as the tables name them: the `members` row id and the platform's user id. */
export interface PrivacyMember {
  readonly memberId: number;
  readonly userId: string;
}

/** A member's export: by part (a feature's store name, or `core`), what that part keeps, JSON-able. */
export type PrivacyExport = Record<string, Readonly<Record<string, unknown>>>;

/** What the privacy feature reads (store.ts): a member's export, gathered from every feature's hook. */
export interface PrivacyReads {
  exportOf(communityId: number, member: PrivacyMember): Promise<PrivacyExport>;
  /**
   * Which of these people asked guyub to forget them in the community (and have not run
   * `/cop join` since): the member sync and join events leave them out.
   */
  forgottenAmong(communityId: number, userIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * Forget a member in one batch: every feature's erasure statements (engine-store.ts), their identity in
 * what others keep replaced by a placeholder unique to them, the member made alumni.
 */
export interface PrivacyForgetEffect {
  readonly type: "privacy.forget";
  readonly memberId: number;
  readonly userId: string;
}

declare module "../../core/model.ts" {
  interface FeatureEffects {
    privacy: PrivacyForgetEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly privacy: PrivacyReads;
  }
}
