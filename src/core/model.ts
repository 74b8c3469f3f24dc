import type { Locale } from "./i18n/index.ts";

/** The chat platforms guyub speaks to. Adding one means one adapter folder and one entry here. */
export type PlatformId = "slack" | "discord";

/** One community: a Slack workspace or a Discord server. */
export interface Community {
  readonly id: number;
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly name: string | null;
  readonly locale: Locale;
  readonly timezone: string;
  readonly moderatorRoleId: string | null;
}

/** A member as guyub remembers them. `platformAdmin*` caches the platform's own answer. */
export interface Member {
  readonly id: number;
  readonly communityId: number;
  readonly platformUserId: string;
  readonly displayName: string | null;
  readonly isModerator: boolean;
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
  | { readonly type: "moderator.revoke"; readonly userId: string };
