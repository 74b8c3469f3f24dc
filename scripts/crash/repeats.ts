/**
 * What the stand-ins received for the crash test's posts, per platform: how many distinct
 * messages, how many create calls, how many repeats the platform itself recognised (Discord's
 * nonce) and how many messages were posted twice (a repeat it could not recognise).
 */
import type { Platform } from "../bench/delivery-seed.ts";
import type { RecordedCall } from "../standins/index.ts";

export interface Repeats {
  /** Messages that arrived at least once (by the burst's text on Slack, by nonce on Discord). */
  readonly distinct: number;
  /** Messages the platform created: one per Slack call; one per new id on Discord. */
  readonly created: number;
  readonly calls: number;
  /** Create calls answered with an earlier message instead of a new one. */
  readonly recognised: number;
  /** Messages that exist more than once on the platform. */
  readonly doubled: number;
}

const DISCORD_CREATE = /^\/channels\/\d+\/messages$/;

export function countRepeats(calls: readonly RecordedCall[], platform: Platform): Repeats {
  const creates = calls.filter((call) =>
    platform === "slack"
      ? call.platform === "slack" && call.method === "chat.postMessage"
      : call.platform === "discord" && call.method === "POST" && DISCORD_CREATE.test(call.route),
  );
  // Per message: the platform's ids for it (Slack ts, Discord message id).
  const byMessage = new Map<string, Set<string>>();
  for (const call of creates) {
    const body = call.body as { text?: string; nonce?: string };
    const response = call.response as { ts?: string; id?: string };
    const key = platform === "slack" ? String(body.text) : String(body.nonce);
    const id = platform === "slack" ? String(response.ts) : String(response.id);
    byMessage.set(key, (byMessage.get(key) ?? new Set()).add(id));
  }
  const created = [...byMessage.values()].reduce((sum, ids) => sum + ids.size, 0);
  return {
    distinct: byMessage.size,
    created,
    calls: creates.length,
    recognised: creates.length - created,
    doubled: created - byMessage.size,
  };
}
