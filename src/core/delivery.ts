import type { Message } from "./message.ts";

/**
 * An outgoing message as core asks for it. The delivery engine writes it to the outbox in the
 * same transaction as the state change that caused it, and sends it later, paced and retried.
 * `key` makes it idempotent per community: a second draft with the same key changes nothing.
 */
export type OutboxDraft =
  | (DraftBase & {
      readonly kind: "post";
      readonly channelId: string;
      /**
       * The outbox key of an earlier post to reply under (a Slack thread, a Discord reply): sent
       * once that post has gone out, in its channel; as a plain post if it never went out.
       */
      readonly replyTo?: string;
    })
  | (DraftBase & {
      readonly kind: "dm";
      readonly userId: string;
      /** Posted in this channel instead when the DM cannot be delivered (closed DMs). */
      readonly fallback?: { readonly channelId: string; readonly message: Message };
    })
  | (DraftBase & {
      readonly kind: "edit";
      /** The key of the earlier outbox message to change; the newest pending edit wins. */
      readonly editOf: string;
    })
  | (DraftBase & {
      readonly kind: "followup";
      /** Who asked: the follow-up goes to them as a DM once the interaction token has expired. */
      readonly userId: string;
      /** Slack response_url or Discord interaction token, valid until `tokenExpiresAt`. */
      readonly token: string;
      readonly tokenExpiresAt: Date;
    });

interface DraftBase {
  readonly key: string;
  readonly message: Message;
  /** Past this moment the message is pointless (a reminder for a meeting that began): skipped. */
  readonly expiresAt?: Date;
  /**
   * The state the message draws, as its feature names it (a meeting record's fingerprint): kept
   * with the message, so a catch-up can find messages drawn from a state that has moved on.
   */
  readonly drawn?: string;
}

/** What happened to one send, as every platform adapter reports it. */
export type SendOutcome =
  | { readonly kind: "sent"; readonly messageId: string; readonly channelId: string }
  /** Wait `retryAfterMs` before calling under `scope` again (a platform pacing key). */
  | { readonly kind: "rate_limited"; readonly retryAfterMs: number; readonly scope: string }
  /** A DM the platform will never deliver (closed DMs, deactivated user, a bot): never retried. */
  | { readonly kind: "undeliverable"; readonly reason: string }
  /**
   * The bot was removed or the channel is gone: messages there wait while guyub probes now and
   * then, and moderators are told what fixes it. `uninstalled` is the whole community.
   */
  | { readonly kind: "lost_access"; readonly reason: string; readonly cause: LossCause }
  /** 5xx, timeouts, network: retried with backoff. `authFailure` counts toward the 401/403 brake. */
  | { readonly kind: "transient"; readonly reason: string; readonly authFailure?: boolean }
  /** The platform refused the request itself (a malformed message): retrying cannot help. */
  | { readonly kind: "rejected"; readonly reason: string };

/** Why a channel or a whole community cannot be reached, in the words of what fixes it. */
export type LossCause = "not_in_channel" | "channel_gone" | "uninstalled";

/** A block's cause: a loss, or the notice that no main channel is set (which blocks nothing). */
export type BlockCause = LossCause | "no_main_channel";

/**
 * The `delivery_blocks` scope of the "no main channel" notice. It is shown once at the top of the
 * next moderator reply like lost access, and never matches a real channel id, so it blocks nothing.
 */
export const NO_MAIN_CHANNEL = "main-channel";

/** A pacing rule: at most one call under `key` every `intervalMs`. */
export interface PaceStep {
  readonly key: string;
  readonly intervalMs: number;
}

/** One send, resolved by the engine: ids are the platform's own. */
export type SendRequest =
  | {
      readonly kind: "post";
      readonly channelId: string;
      readonly message: Message;
      readonly nonce: string;
      /** The platform's id of the message to reply under, in the same channel. */
      readonly replyTo?: string;
    }
  | {
      readonly kind: "dm";
      readonly userId: string;
      /** Known DM channel, so the adapter need not open one. */
      readonly dmChannelId: string | null;
      readonly message: Message;
      readonly nonce: string;
    }
  | {
      readonly kind: "edit";
      readonly channelId: string;
      readonly messageId: string;
      readonly message: Message;
    }
  | { readonly kind: "followup"; readonly token: string; readonly message: Message };

/** What a platform adapter's sender learned besides the outcome (for the engine's pacing). */
export interface SendReport {
  readonly outcome: SendOutcome;
  /** Keys that must wait until the given time (ms since epoch), e.g. an exhausted Discord bucket. */
  readonly holds?: readonly { readonly key: string; readonly untilMs: number }[];
}

/**
 * The send port: each platform adapter implements it for one workspace. Core and the delivery
 * engine never see HTTP or platform types.
 */
export interface SendPort {
  /** The pacing keys a request will use, most specific first. */
  pacing(request: SendRequest): readonly PaceStep[];
  send(request: SendRequest): Promise<SendReport>;
  /**
   * An opaque id of the credential this port sends with (a hash of the token, never the token):
   * a community-wide loss seen under another credential clears once guyub has a new one.
   */
  credential(): Promise<string>;
}
