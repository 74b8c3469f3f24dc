/**
 * The fair turn ledger's plain data: who can host, the record of every turn, and who is away.
 * Pure values (no D1, no platform), so the rule can be tested exhaustively and stored as rows later.
 */
import { z } from "zod";

/** A calendar day in the community's time zone, `YYYY-MM-DD`; days compare as strings. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type Day = z.infer<typeof Day>;

/** `everyone`: every active member takes turns; `volunteers`: only those who opted in. */
export const RotationMode = z.enum(["everyone", "volunteers"]);
export type RotationMode = z.infer<typeof RotationMode>;

export const RotationMember = z.object({
  id: z.string().min(1),
  /** When they joined (ISO). Eligible a week later at the latest. */
  joinedAt: z.iso.datetime({ offset: true }),
  /** When they answered the intro (ISO); answering makes them eligible at once. */
  answeredIntroAt: z.iso.datetime({ offset: true }).nullable(),
  /** Alumni drop out of the rotation but keep their history. */
  status: z.enum(["active", "alumni"]),
  /** Only counts in `volunteers` mode. */
  optedIn: z.boolean(),
  /**
   * Here before guyub: found by its first member sync, or met through a command before that sync
   * completed. Not a newcomer, so never kept waiting a week (`members.founder`, migration 0011).
   */
  founder: z.boolean(),
});
export type RotationMember = z.infer<typeof RotationMember>;

/**
 * One recorded turn. For `hosted`, `swapped` and `volunteered`, `memberId` hosts `meetingDate`
 * (`swapped`: `otherMemberId` is the other side of the swap; a declined swap records the original
 * host again, so the turn stays). For `passed`, `memberId` passed and owes a turn, and
 * `otherMemberId` took it. `skipped` (a holiday) and `cancelled` name no member: they cost nobody
 * a turn. `reason` is a short code ("holiday", "accepted", "declined", …) for the record.
 */
export const LedgerEntry = z.object({
  kind: z.enum(["hosted", "passed", "swapped", "skipped", "cancelled", "volunteered", "assigned"]),
  meetingDate: Day,
  memberId: z.string().min(1).optional(),
  otherMemberId: z.string().min(1).optional(),
  reason: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A member is unavailable from `from` to `to` (both days included): not eligible, costs no turn. */
export const Away = z.object({ memberId: z.string().min(1), from: Day, to: Day });
export type Away = z.infer<typeof Away>;

/** One member's counts over the whole ledger (`MemberTally`, tally.ts), as stored per member. */
export const StoredTally = z.object({
  memberId: z.string().min(1),
  hosted: z.number().int().min(0),
  owed: z.number().int().min(0),
  passed: z.number().int().min(0),
  lastHosted: Day.nullable(),
});
export type StoredTally = z.infer<typeof StoredTally>;

/**
 * Everything the rule needs; the ledger is in the order things were recorded. Either the whole
 * rotation (every member, the whole ledger), or the part of it a plan over some days needs
 * (`RotationScope`, scope.ts): then `members` are the fairest candidates and the members the flow
 * names, `ledger` holds only the days the plan looks at (every entry of each), and `tallies` are
 * those members' counts over the whole ledger, which the ledger given can no longer tell.
 */
export const RotationState = z.object({
  members: z.array(RotationMember),
  /** The community's IANA zone: meeting days are its local days, and so are the rule's days. */
  timezone: z.string().min(1),
  mode: RotationMode,
  ledger: z.array(LedgerEntry),
  aways: z.array(Away),
  tallies: z.array(StoredTally).optional(),
});
export type RotationState = z.infer<typeof RotationState>;

/** Who hosts a meeting day; null when nobody is eligible. */
export interface HostAssignment {
  readonly date: Day;
  readonly memberId: string | null;
}
