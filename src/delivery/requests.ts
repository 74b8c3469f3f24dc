import type { SendRequest } from "../core/delivery.ts";
import type { Message } from "../core/message.ts";
import type { OutboxPayload } from "../db/outbox.ts";
import type { LoadedRow } from "./rows.ts";

/** A Discord interaction token lives 15 minutes; after 14 a follow-up goes as a DM instead. */
const FOLLOWUP_MARGIN_MS = 60_000;

/** The send request an outbox row stands for, as of `now` (a late follow-up becomes a DM). */
export async function requestFor(row: LoadedRow, now: Date): Promise<SendRequest> {
  const payload = JSON.parse(row.payload) as OutboxPayload;
  const message = payload.message as Message;
  const nonce = await nonceFor(row.community_id, row.idempotency_key);
  switch (row.kind) {
    case "post":
      // Under its parent once that went out (prepare waits for it), in the parent's channel.
      if (payload.replyTo && row.edit_status === "sent" && row.edit_message_id)
        return {
          kind: "post",
          channelId: row.edit_channel_id ?? row.target,
          message,
          nonce,
          replyTo: row.edit_message_id,
        };
      return { kind: "post", channelId: row.target, message, nonce };
    case "dm":
      return { kind: "dm", userId: row.target, dmChannelId: row.dm_channel_id, message, nonce };
    case "edit":
      return {
        kind: "edit",
        channelId: row.edit_channel_id ?? "",
        messageId: row.edit_message_id ?? "",
        message,
      };
    case "followup": {
      const expires = new Date(payload.tokenExpiresAt ?? 0).getTime() - FOLLOWUP_MARGIN_MS;
      if (payload.token && now.getTime() < expires)
        return { kind: "followup", token: payload.token, message };
      // Too late for the interaction token: a private answer must stay private, so it goes as a DM.
      return { kind: "dm", userId: row.target, dmChannelId: row.dm_channel_id, message, nonce };
    }
  }
}

/** Exponential backoff with full jitter: 2, 4, 8… seconds, capped at 10 minutes. */
export function backoffSeconds(attempt: number): number {
  const ceiling = Math.min(600, 2 ** Math.max(1, attempt));
  return Math.max(1, Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
}

/** Discord's nonce (25 characters at most): the first 25 hex digits of SHA-256 of the key. */
export async function nonceFor(communityId: number, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${communityId}:${key}`));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 25);
}
