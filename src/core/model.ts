import type { ActivityEffect } from "./activity/effect.ts";
import type { LossCause, OutboxDraft } from "./delivery.ts";
import type { Locale } from "./i18n/index.ts";
import type { PlatformId } from "./platform.ts";

/** A platform's opaque id, declared by its adapter with its traits (`src/core/platform.ts`). */
export type { PlatformId } from "./platform.ts";

/** One community: a Slack workspace or a Discord server. */
export interface Community {
  readonly id: number;
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly name: string | null;
  readonly locale: Locale;
  readonly timezone: string;
  readonly moderatorRoleId: string | null;
  /** A moderator-only message about delivery (lost access) not yet shown to any moderator. */
  readonly deliveryNotice?: DeliveryNotice | null;
}

/** Where the bot lost access, and why; shown once at the top of a moderator's next reply. */
export interface DeliveryNotice {
  readonly scope: string;
  readonly reason: string;
}

/** A member as guyub remembers them. `platformAdmin*` caches the platform's own answer. */
export interface Member {
  readonly id: number;
  readonly communityId: number;
  readonly platformUserId: string;
  readonly displayName: string | null;
  readonly isModerator: boolean;
  /** `alumni`: left or stepped back; kept for history, acting in the community refused until they rejoin. */
  readonly status: "active" | "paused" | "alumni";
  readonly platformAdmin: boolean | null;
  readonly platformAdminCheckedAt: Date | null;
  /** Local calendar day (YYYY-MM-DD, community timezone) of the member's last activity. */
  readonly lastActiveOn: string | null;
}

/** Who spoke, as a platform adapter saw them on an inbound request. */
export interface Contact {
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly workspaceName: string | null;
  readonly userId: string;
  readonly displayName: string | null;
  /** The language a new community starts in (Discord: from guild_locale). */
  readonly initialLocale: Locale;
}

/** A state change a command asks for; applied atomically with its audit entry. */
export type Effect =
  | { readonly type: "community.locale"; readonly locale: Locale }
  | { readonly type: "community.moderatorRole"; readonly roleId: string }
  | { readonly type: "moderator.grant"; readonly userId: string }
  | { readonly type: "moderator.revoke"; readonly userId: string }
  /** An outgoing message, written in the same transaction as the other effects. */
  | { readonly type: "outbox.send"; readonly draft: OutboxDraft }
  | { readonly type: "delivery.pause" }
  | { readonly type: "delivery.resume" }
  /** Dead messages go back to pending (the oldest `limit` of them), with their attempts reset. */
  | { readonly type: "delivery.retryDead"; readonly limit: number }
  /** The bot lost access: `*` for the whole community, else a channel id. */
  | {
      readonly type: "delivery.block";
      readonly scope: string;
      readonly reason: string;
      readonly cause: LossCause;
      /** The adapter's opaque id of the credential in force (a new one clears the block). */
      readonly credential: string | null;
    }
  /** Access is plausibly back everywhere: every loss clears and what waited on it is queued. */
  | { readonly type: "delivery.unblock" }
  /** Keeps a form's submitted answers (they had errors) so the reopened form is refilled. */
  | {
      readonly type: "form.saveDraft";
      readonly userId: string;
      readonly formId: string;
      readonly values: Readonly<Record<string, string | readonly string[]>>;
    }
  | { readonly type: "form.clearDraft"; readonly userId: string; readonly formId: string }
  /** The delivery notice was shown to a moderator. */
  | { readonly type: "delivery.noticeShown" }
  /** A member seen active (messages, buttons, RSVPs; src/core/activity/). */
  | ActivityEffect
  /** The effects of the features in `src/features/`, each declared by its feature. */
  | FeatureEffects[keyof FeatureEffects];

/**
 * The state changes of the features in `src/features/`, one entry per feature, keyed by its name.
 * Empty here on purpose: each feature adds its own entry from its folder (TypeScript declaration
 * merging, `declare module "…/core/model.ts"`), so a new feature's effects join `Effect` without
 * editing this file, and `src/db/feature-store.ts` makes its store handle every one of them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each feature through declaration merging
export interface FeatureEffects {}
