import type { OutboxDraft } from "../delivery.ts";

/** A reason is at most this many characters (the migration's CHECK says the same). */
export const KUDOS_REASON_MAX = 300;
/** Kudos one member may give per local day; the 11th is refused inside its INSERT. */
export const KUDOS_PER_DAY = 10;

/**
 * Where a command was typed and who is who there, as the platform tells: the channel (Slack
 * `channel_id`, Discord `channel_id`) and whether a user is a bot (Slack `users.info` `is_bot`,
 * Discord the interaction's resolved users). Adapters hand it to core with the command.
 */
export interface CommandPlace {
  /** The channel the command was used in; null when the platform did not say. */
  readonly channelId: string | null;
  /** Whether a user is a bot; null when the platform cannot tell just now. */
  isBot(userId: string): Promise<boolean | null>;
}

/** What kudos read (src/db/kudos.ts). */
export interface KudosReads {
  /** Kudos a member gave on a local day. */
  givenOn(communityId: number, fromUser: string, day: string): Promise<number>;
  /** Whether the kudos with this post key was stored (the daily limit may have refused it). */
  stored(communityId: number, postKey: string): Promise<boolean>;
}

/** A thank-you: stored and posted in one batch, only while the giver is under the day's limit. */
export interface KudosEffect {
  readonly type: "kudos.give";
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  /** The giver's local day (the daily limit counts by it). */
  readonly day: string;
  /** The post (kind `post`): written only if the kudos row was. */
  readonly draft: OutboxDraft & { readonly kind: "post" };
}

/** Whether an effect is a kudos effect (store.apply hands those to src/db/kudos.ts). */
export function isKudosEffect(effect: { readonly type: string }): effect is KudosEffect {
  return effect.type === "kudos.give";
}
