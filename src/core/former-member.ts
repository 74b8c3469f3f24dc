import type { Translator } from "./i18n/index.ts";
import type { Inline } from "./message.ts";

/**
 * What erasure leaves where others keep a forgotten member's identity (a kudos, a turn, a vote):
 * `former:<members.id>`, unique per member so unique keys still hold. Core's copy of the rule, so
 * views can tell it apart without reaching storage (the engine, src/features/privacy, writes it).
 */
export const FORMER_MEMBER_PREFIX = "former:";

/** The placeholder of the forgotten member whose `members` row id this is. */
export function formerMemberId(memberId: number): string {
  return `${FORMER_MEMBER_PREFIX}${memberId}`;
}

/** True for an identity erasure left behind. */
export function isFormerMember(userId: string): boolean {
  return userId.startsWith(FORMER_MEMBER_PREFIX);
}

/**
 * A member as a view shows them: a mention, or the localized "a former member" for a placeholder
 * (a mention of `former:3` would render as a broken `<@former:3>`).
 */
export function memberMention(t: Translator, userId: string): Inline {
  return isFormerMember(userId) ? t("privacy.formerMember") : { user: userId };
}
