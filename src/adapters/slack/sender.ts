import { type ChatPostMessageResponse, ErrorCode, WebClient } from "@slack/web-api";
import type { PaceStep, SendOutcome, SendPort, SendReport, SendRequest } from "../../core/delivery.ts";
import { credentialOnce } from "../credential.ts";
import { slackClientOptions } from "./client.ts";
import { shareFile } from "./file-upload.ts";
import { renderSlackMessage } from "./render.ts";

/**
 * Slack's pace, from its documented limits: `chat.postMessage` about one message a second per
 * channel, DMs about one a second, `conversations.open` and `chat.update` Tier 3 (50+/min).
 * Intervals carry a 5 % margin so clock jitter between us and Slack never costs a 429.
 */
export const SLACK_PACE = {
  postPerChannelMs: 1050,
  /** A workspace-wide cap across channels (Slack documents one without a number). */
  postPerWorkspaceMs: 35,
  dmMs: 1050,
  openMs: 1260,
  updateMs: 1260,
} as const;

export interface SlackSenderConfig {
  readonly token: string;
  readonly apiUrl: string;
  readonly workspaceId: string;
  /** Divides every interval (tests and benchmarks run the stand-ins faster than real time). */
  readonly paceScale?: number;
  readonly timeoutMs?: number;
}

const UNDELIVERABLE = new Set(["user_not_found", "user_disabled", "user_not_visible", "cannot_dm_bot"]);
/** The bot is not (or may not post) in the channel: inviting it fixes that. */
const NOT_IN_CHANNEL = new Set(["not_in_channel", "restricted_action"]);
/** Deleted, archived, or private without the bot (Slack cannot tell those apart for a bot). */
const CHANNEL_GONE = new Set(["channel_not_found", "is_archived"]);
const WORKSPACE_GONE = new Set([
  "account_inactive",
  "token_revoked",
  "token_expired",
  "invalid_auth",
  "not_authed",
  "team_access_not_granted",
  "ekm_access_denied",
]);
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/** The send port for one Slack workspace, over Bolt's WebClient with its own retries off. */
export function createSlackSender(config: SlackSenderConfig): SendPort {
  const client = new WebClient(config.token, {
    ...slackClientOptions(config.apiUrl),
    timeout: config.timeoutMs ?? 10_000,
  });
  const scale = config.paceScale ?? 1;
  const step = (name: string, ms: number): PaceStep => ({
    key: `slack:${config.workspaceId}:${name}`,
    intervalMs: ms / scale,
  });
  const postSteps = (channel: string) => [
    step(`post:${channel}`, SLACK_PACE.postPerChannelMs),
    step("post", SLACK_PACE.postPerWorkspaceMs),
  ];

  const pacing = (request: SendRequest): PaceStep[] => {
    switch (request.kind) {
      case "post":
        return postSteps(request.channelId);
      case "dm":
        return [
          ...(request.dmChannelId ? [] : [step("open", SLACK_PACE.openMs)]),
          step("dm", SLACK_PACE.dmMs),
          step("post", SLACK_PACE.postPerWorkspaceMs),
        ];
      case "edit":
        return [step("update", SLACK_PACE.updateMs)];
      case "followup":
        return [];
    }
  };

  /** A 429 holds the method's key (the first pacing step of the request). */
  const call = async (request: SendRequest, run: () => Promise<SendOutcome>): Promise<SendReport> => {
    try {
      return { outcome: await run() };
    } catch (error) {
      const first = pacing(request)[0];
      return { outcome: outcomeOf(error, first) };
    }
  };

  return {
    pacing,
    credential: credentialOnce(config.token),
    async send(request) {
      const body = renderSlackMessage(request.message);
      switch (request.kind) {
        case "post":
          return call(request, async () =>
            posted(
              await client.chat.postMessage({
                channel: request.channelId,
                ...body,
                // A reply goes in the parent's thread (not also to the channel: reply_broadcast off).
                ...(request.replyTo ? { thread_ts: request.replyTo } : {}),
              }),
            ),
          );
        case "dm":
          return call(request, async () => {
            let channel = request.dmChannelId;
            if (!channel) {
              const opened = await client.conversations.open({ users: request.userId });
              channel = opened.channel?.id ?? null;
              if (!channel) return { kind: "transient", reason: "conversations.open returned no channel" };
            }
            // A file (a member's export) is shared in the DM with the message as its comment.
            const file = request.message.file;
            if (file) return shareFile(client, channel, body.text, file, config.timeoutMs ?? 10_000);
            return posted(await client.chat.postMessage({ channel, ...body }));
          });
        case "edit":
          return call(request, async () => {
            const updated = await client.chat.update({
              channel: request.channelId,
              ts: request.messageId,
              ...body,
            });
            return { kind: "sent", messageId: updated.ts ?? request.messageId, channelId: request.channelId };
          });
        case "followup":
          return { outcome: await respond(request.token, body) };
      }
    },
  };
}

function posted(response: ChatPostMessageResponse): SendOutcome {
  if (!response.ts || !response.channel)
    return { kind: "transient", reason: "chat.postMessage returned no ts" };
  return { kind: "sent", messageId: response.ts, channelId: response.channel };
}

/** Maps the WebClient's typed errors to the neutral outcomes. */
function outcomeOf(error: unknown, step: PaceStep | undefined): SendOutcome {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return {
        kind: "rate_limited",
        retryAfterMs: Math.max((e.retryAfter ?? 1) * 1000, step?.intervalMs ?? 1000),
        scope: step?.key ?? "slack",
      };
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? "unknown_error";
      if (code === "ratelimited")
        return { kind: "rate_limited", retryAfterMs: step?.intervalMs ?? 1000, scope: step?.key ?? "slack" };
      if (UNDELIVERABLE.has(code)) return { kind: "undeliverable", reason: code };
      if (NOT_IN_CHANNEL.has(code)) return { kind: "lost_access", reason: code, cause: "not_in_channel" };
      if (CHANNEL_GONE.has(code)) return { kind: "lost_access", reason: code, cause: "channel_gone" };
      if (WORKSPACE_GONE.has(code)) return { kind: "lost_access", reason: code, cause: "uninstalled" };
      if (TRANSIENT.has(code)) return { kind: "transient", reason: code };
      return { kind: "rejected", reason: code };
    }
    case ErrorCode.HTTPError:
      return { kind: "transient", reason: `http ${e.statusCode ?? "?"}` };
    default:
      return {
        kind: "transient",
        reason: error instanceof Error ? error.message.slice(0, 200) : String(error),
      };
  }
}

/** A `response_url` follow-up (valid 30 minutes, five uses): plain HTTP, not the Web API. */
async function respond(url: string, body: object): Promise<SendOutcome> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, response_type: "ephemeral", replace_original: false }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return { kind: "sent", messageId: "", channelId: "" };
    if (response.status >= 500) return { kind: "transient", reason: `response_url ${response.status}` };
    return {
      kind: "rejected",
      reason: `response_url ${response.status} ${await response.text()}`.slice(0, 200),
    };
  } catch (error) {
    return { kind: "transient", reason: String(error).slice(0, 200) };
  }
}
