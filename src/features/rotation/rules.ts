/**
 * The fair turn ledger (issue 7's rotation): pure functions over a plain `RotationState`.
 * Meetings (src/features/meetings/) supply the days; commands and jobs will store the ledger.
 */
export { assignHosts } from "./assign.ts";
export { isEligible } from "./eligibility.ts";
export { applyAway, applyHosted, applyPass, applySkip, applySwap, applyVolunteer } from "./moves.ts";
export { effectiveCount, fairness, type MemberTally } from "./tally.ts";
export type {
  Away,
  Day,
  HostAssignment,
  LedgerEntry,
  RotationMember,
  RotationMode,
  RotationState,
} from "./types.ts";
