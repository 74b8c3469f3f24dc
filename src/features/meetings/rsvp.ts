import { z } from "zod";

/** The answers a member can give to "are you coming?", in the order the buttons show them. */
export const RSVP_ANSWERS = ["yes", "maybe", "no"] as const;
export const RsvpAnswer = z.enum(RSVP_ANSWERS);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

/** How many members gave each answer for one meeting. */
export type RsvpCounts = Readonly<Record<RsvpAnswer, number>>;

/** No answers yet. */
export const NO_RSVPS: RsvpCounts = { yes: 0, maybe: 0, no: 0 };

/**
 * The counts after one member's answer changes from `before` (null: first answer) to `after`:
 * a changed answer moves the member's count, the same answer changes nothing.
 */
export function moveAnswer(counts: RsvpCounts, before: RsvpAnswer | null, after: RsvpAnswer): RsvpCounts {
  if (before === after) return counts;
  const next = { ...counts, [after]: counts[after] + 1 };
  if (before) next[before] = Math.max(0, next[before] - 1);
  return next;
}
