import type { FormValues } from "../actions/types.ts";

/**
 * A form being asked as a conversation (`PlatformTraits.forms === "conversation"`): which form,
 * with which context ids, the answers so far (the form's own initial values until answered), the
 * question being asked and how often it was answered wrongly. One per member and community.
 */
export interface FormConversation {
  readonly communityId: number;
  readonly userId: string;
  /** The form definition's id (`intro.profile`, `setup.all`) and its packed arguments. */
  readonly formId: string;
  readonly args: readonly string[];
  readonly answers: FormValues;
  /** The question being asked, 0-based, in the form's field order. */
  readonly step: number;
  /** Invalid answers to this question so far: one re-ask, then the conversation stops. */
  readonly reasks: number;
  readonly expiresAt: Date;
}

/** What the conversation engine reads (src/features/conversation/store.ts). */
export interface FormConversationReads {
  /** The member's conversation in the community, if one is open and not expired at `now`. */
  open(communityId: number, userId: string, now: Date): Promise<FormConversation | null>;
  /**
   * The communities of this platform where the user has a conversation open at `now`, the most
   * recently answered first; only the one of `workspaceId` when the platform named it.
   */
  openFor(
    platform: string,
    userId: string,
    workspaceId: string | null,
    now: Date,
  ): Promise<readonly number[]>;
}

/** Starts or moves a conversation on: the whole row, replacing any other of the member's. */
export interface SaveConversationEffect {
  readonly type: "formConversation.save";
  readonly userId: string;
  readonly formId: string;
  readonly args: readonly string[];
  readonly answers: FormValues;
  readonly step: number;
  readonly reasks: number;
  readonly expiresAt: string;
}

/** Ends it: submitted, cancelled or stopped after a second invalid answer. */
export interface EndConversationEffect {
  readonly type: "formConversation.end";
  readonly userId: string;
}

export type FormConversationEffect = SaveConversationEffect | EndConversationEffect;
