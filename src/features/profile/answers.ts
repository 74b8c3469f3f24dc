/**
 * What a profile holds: the intro form's answers, their limits and their choices. One place for
 * the numbers the form (`maxLength`), the validation and the migration's CHECKs share.
 */

/** Longest short answer, in characters (code points). Slack allows 3,000, Discord 4,000. */
export const MAX_ANSWER = 300;

/** The six benefits of a community of practice the guide lists, as stored keys. */
export const BENEFITS = ["career", "organisation", "problem", "practice", "support", "innovate"] as const;
export type Benefit = (typeof BENEFITS)[number];

/** How often a member can meet. */
export const FREQUENCIES = ["weekly", "fortnightly", "monthly", "flexible"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Consent questions are explicit yes/no selects: no box is ticked for the member. */
export const YES_NO = ["yes", "no"] as const;

/** Form field ids, shared by the one-step (Slack) and two-step (Discord) forms. */
export const FIELD = {
  does: "does",
  shares: "shares",
  needs: "needs",
  benefits: "benefits",
  frequency: "frequency",
  intro: "intro",
  findable: "findable",
} as const;

/** The free-text answers: the Discord form's first step. */
export interface AboutAnswers {
  readonly does: string;
  readonly shares: string;
  /** May become topic suggestions later, never with the member's name. */
  readonly needs: string;
}

/** The choices: the Discord form's second step. */
export interface ChoiceAnswers {
  readonly benefits: readonly Benefit[];
  readonly frequency: Frequency;
  /** May guyub post an introduction in the main channel. */
  readonly introConsent: boolean;
  /** May others find this member with `whoknows` (and see what they do and can share). */
  readonly findable: boolean;
}

export type ProfileAnswers = AboutAnswers & ChoiceAnswers;

/** A saved profile. */
export interface Profile extends ProfileAnswers {
  readonly memberId: number;
  readonly answeredAt: Date;
  readonly updatedAt: Date;
}

// Control characters (other than newline and tab) and the private-use characters whoknows uses
// to mark hits in snippets never come from a keyboard; dropping them keeps snippets unambiguous.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f\ue000\ue001]/g;

/** A text answer as stored: NFC, newlines normalized, invisible controls dropped, trimmed. */
export function cleanAnswer(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(UNWANTED, "").trim();
}

/** Length as members and SQLite's length() count it: code points, not UTF-16 units. */
export function answerLength(text: string): number {
  return [...text].length;
}
