/**
 * Slack's cursor pagination for the list methods: `limit` (clamped, as Slack returns fewer than
 * asked rather than failing) and an opaque `cursor`; `response_metadata.next_cursor` is "" at the end.
 */

import { slackDirectory, slackUser } from "./slack-data.ts";
import type { Args, Result } from "./slack-methods.ts";
import type { StandinState } from "./state.ts";

type Listing = "members" | "channelMembers" | "history";

/** Per listing: default and largest page, and the cursor prefix Slack's own cursors decode to. */
const SHAPES: Record<Listing, { byDefault: number; max: number; prefix: string }> = {
  members: { byDefault: 100, max: 200, prefix: "user" },
  channelMembers: { byDefault: 100, max: 1000, prefix: "user" },
  history: { byDefault: 100, max: 999, prefix: "next_ts" },
};

/** One page of `users.list`, `conversations.members` or `conversations.history`. */
export function slackPage(args: Args, listing: Listing, state: StandinState): Result {
  const channel = typeof args.channel === "string" ? args.channel : "";
  if (listing !== "members" && !channel) return { ok: false, error: "channel_not_found" };
  const directory = slackDirectory(state.config.slackUserCount);
  const keys =
    listing === "history"
      ? [...state.slackMessages.values()]
          .filter((m) => m.channel === channel)
          .map((m) => m.ts)
          .reverse() // newest first, as Slack lists history
      : listing === "channelMembers"
        ? directory.filter((id) => !slackUser(id)?.deleted)
        : directory;
  const page = paginate(keys, args, SHAPES[listing]);
  if (!page) return { ok: false, error: "invalid_cursor" };
  const response_metadata = { next_cursor: page.next };
  if (listing === "members")
    return {
      ok: true,
      members: page.keys.map((id) => slackUser(id)),
      cache_ts: Math.floor(Date.now() / 1000),
      response_metadata,
    };
  if (listing === "channelMembers") return { ok: true, members: page.keys, response_metadata };
  const messages = page.keys.map((ts) => state.slackMessages.get(`${channel} ${ts}`)?.message);
  return { ok: true, messages, has_more: page.next !== "", pin_count: 0, response_metadata };
}

function paginate(
  keys: string[],
  args: Args,
  shape: { byDefault: number; max: number; prefix: string },
): { keys: string[]; next: string } | undefined {
  const asked = Number(args.limit);
  const limit =
    Number.isFinite(asked) && asked > 0 ? Math.min(Math.floor(asked), shape.max) : shape.byDefault;
  let start = 0;
  const cursor = typeof args.cursor === "string" ? args.cursor : "";
  if (cursor) {
    const decoded = decode(cursor);
    start = decoded?.startsWith(`${shape.prefix}:`)
      ? keys.indexOf(decoded.slice(shape.prefix.length + 1))
      : -1;
    if (start < 0) return undefined;
  }
  const next = keys[start + limit];
  return { keys: keys.slice(start, start + limit), next: next ? btoa(`${shape.prefix}:${next}`) : "" };
}

function decode(cursor: string): string | undefined {
  try {
    return atob(cursor);
  } catch {
    return undefined;
  }
}
