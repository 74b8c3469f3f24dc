import { ErrorCode, WebClient } from "@slack/web-api";
import { z } from "zod";
import {
  DirectoryError,
  type MemberDirectory,
  type PlatformDirectory,
} from "../../core/membership/directory.ts";
import { slackClientOptions } from "./client.ts";

/**
 * `users.list` is Tier 2 (about 20 calls a minute per workspace) and returns at most 200 members
 * a page: a page every 3.1 s keeps under it, and eight pages a run (1,600 members, ~22 s) leave
 * the rest of a large workspace to the next quarter-hour.
 */
export const SLACK_DIRECTORY = { pageSize: 200, pageIntervalMs: 3_100, pagesPerRun: 8 } as const;

/** Slackbot is listed with `is_bot: false`; it is never a member. */
const SLACKBOT = "USLACKBOT";
const NO_ACCESS = new Set([
  "missing_scope",
  "not_allowed_token_type",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "team_access_not_granted",
]);

const usersList = z.looseObject({
  members: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(32),
        name: z.string().max(255).optional(),
        real_name: z.string().max(255).optional(),
        deleted: z.boolean().optional(),
        is_bot: z.boolean().optional(),
        profile: z
          .looseObject({
            display_name: z.string().max(255).optional(),
            real_name: z.string().max(255).optional(),
          })
          .optional(),
      }),
    )
    .max(1000),
  response_metadata: z.looseObject({ next_cursor: z.string().max(1000).optional() }).optional(),
});

export interface SlackDirectoryConfig {
  /** The workspace's bot token, asked when a page is read (null: not installed there). */
  readonly token: () => Promise<string | null>;
  readonly apiUrl: string;
  /** Divides the wait between pages (tests run the stand-ins faster than real time). */
  readonly paceScale?: number;
}

/** A Slack workspace's member list through `users.list` (scope `users:read`). */
export function createSlackDirectory(config: SlackDirectoryConfig): MemberDirectory {
  const client = new WebClient(undefined, { ...slackClientOptions(config.apiUrl), timeout: 10_000 });
  return {
    pageIntervalMs: SLACK_DIRECTORY.pageIntervalMs / (config.paceScale ?? 1),
    pagesPerRun: SLACK_DIRECTORY.pagesPerRun,
    async page(cursor) {
      const token = await config.token();
      if (!token)
        throw new DirectoryError("no_access", "users.list: guyub is not installed in this workspace");
      let answer: unknown;
      try {
        answer = await client.users.list({
          token,
          limit: SLACK_DIRECTORY.pageSize,
          ...(cursor ? { cursor } : {}),
        });
      } catch (error) {
        throw directoryError(error);
      }
      const parsed = usersList.safeParse(answer);
      if (!parsed.success) throw new DirectoryError("failed", "users.list answered in an unexpected shape");
      const next = parsed.data.response_metadata?.next_cursor;
      return {
        members: parsed.data.members.map((user) => ({
          userId: user.id,
          displayName:
            user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || null,
          isBot: user.is_bot === true || user.id === SLACKBOT,
          deleted: user.deleted === true,
          joinedAt: null,
        })),
        next: next ? next : null,
      };
    },
  };
}

function directoryError(error: unknown): DirectoryError {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  if (e.code === ErrorCode.RateLimitedError)
    return new DirectoryError("rate_limited", "users.list: rate limited");
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    if (code === "ratelimited") return new DirectoryError("rate_limited", "users.list: rate limited");
    if (NO_ACCESS.has(code))
      return new DirectoryError("no_access", `users.list: ${code} (the users:read scope?)`);
    return new DirectoryError("failed", `users.list: ${code}`);
  }
  if (e.code === ErrorCode.HTTPError)
    return new DirectoryError("failed", `users.list: http ${e.statusCode ?? "?"}`);
  return new DirectoryError(
    "failed",
    `users.list: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Slack's answers for `PlatformDirectory`: who a user is, and whether guyub is in a channel. */
export function createSlackLookups(client: WebClient): PlatformDirectory {
  const slackError = (error: unknown) =>
    (error as { code?: string; data?: { error?: string } }).code === ErrorCode.PlatformError
      ? ((error as { data?: { error?: string } }).data?.error ?? null)
      : null;
  return {
    async user(userId) {
      if (userId === SLACKBOT) return "bot";
      try {
        const { user } = await client.users.info({ user: userId });
        if (!user) return null;
        if (user.is_bot) return "bot";
        // A deactivated account is no longer anyone in this workspace.
        return user.deleted ? "unknown" : "person";
      } catch (error) {
        if (USER_GONE.has(slackError(error) ?? "")) return "unknown";
        console.error("slack: users.info failed", error);
        return null;
      }
    },
    async channel(channelId) {
      try {
        // Without chat:write.public guyub posts only where it is a member (`not_in_channel`).
        const { channel } = await client.conversations.info({ channel: channelId });
        if (!channel) return null;
        if (channel.is_archived) return { ok: false, problem: "archived" };
        return channel.is_member ? { ok: true } : { ok: false, problem: "not_member" };
      } catch (error) {
        // A private channel guyub is not in does not exist for it.
        if (slackError(error) === "channel_not_found") return { ok: false, problem: "not_found" };
        console.error("slack: conversations.info failed", error);
        return null;
      }
    },
  };
}

/** users.info's answers for an id that is nobody in this workspace. */
const USER_GONE = new Set(["user_not_found", "user_not_visible"]);
