import type { OutboxDraft } from "../../core/delivery.ts";
import type { Away, Day, LedgerEntry, RotationMode } from "./types.ts";

/** How a member asked to swap is answered; `expired` when the meeting began or the turn moved. */
export type SwapStatus = "accepted" | "declined" | "expired";

/**
 * The state changes of the rotation commands and buttons; applied by `store.apply` in one batch
 * (effects-store.ts). The ledger is only ever appended to.
 */
export type RotationEffect =
  | { readonly type: "rotation.mode"; readonly mode: RotationMode }
  /** Opt in (`volunteers` mode), or a moderator takes a member out (`excluded`) or back in. */
  | {
      readonly type: "rotation.member";
      readonly userId: string;
      readonly optedIn?: boolean;
      readonly excluded?: boolean;
    }
  | { readonly type: "rotation.away"; readonly away: Away }
  /** Appends entries; a second close (hosted, skipped, cancelled) or assignment of a day is a no-op. */
  | {
      readonly type: "rotation.ledger";
      readonly entries: readonly LedgerEntry[];
      /** Who caused them; null = guyub itself. */
      readonly recordedBy: string | null;
    }
  /** `fromUser` asks `toUser` to take their turn on `day`; once per day and pair. */
  | { readonly type: "swap.request"; readonly day: Day; readonly fromUser: string; readonly toUser: string }
  /**
   * The answer to a pending request. Its ledger entries and messages are written only while the
   * request is still pending, in the same batch that closes it: a second press changes nothing.
   */
  | {
      readonly type: "swap.answer";
      readonly day: Day;
      readonly fromUser: string;
      readonly toUser: string;
      readonly status: SwapStatus;
      readonly entries: readonly LedgerEntry[];
      /** Direct messages that go out with this answer only (the asker's answer, heads-ups). */
      readonly drafts: readonly (OutboxDraft & { readonly kind: "dm" })[];
    }
  /**
   * `memberId` takes a meeting that has no host ("I'll host" on its announcement). Written only
   * while the day's ledger still holds the `seen` entries the press decided on (the ledger is only
   * appended to), drafts first: of two presses at once, the first takes it and the other changes
   * nothing, its messages included.
   */
  | {
      readonly type: "rotation.claim";
      readonly day: Day;
      readonly memberId: string;
      readonly seen: number;
      /** The announcement's edit and the host's heads-up, sent only with the claim. */
      readonly drafts: readonly OutboxDraft[];
    };
