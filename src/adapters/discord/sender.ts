import type { PaceStep, SendOutcome, SendPort, SendReport, SendRequest } from "../../core/delivery.ts";
import type { MessageFile } from "../../core/message.ts";
import { credentialOnce } from "../credential.ts";
import { discordFlags, EPHEMERAL, renderDiscordMessage } from "./render.ts";

/**
 * Discord's pace: 50 requests a second per bot across all routes (with a 5 % margin), and
 * DMs opened at most one a second, since mass DMs get a bot flagged (40003) or quarantined.
 * Per-route buckets are not guessed: each answer's X-RateLimit-* headers say when the bucket
 * is empty and for how long, and the engine holds that key until then.
 */
export const DISCORD_PACE = { globalMs: 21, dmMs: 1050 } as const;

export interface DiscordSenderConfig {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly applicationId: string;
  readonly paceScale?: number;
  readonly timeoutMs?: number;
}

const GLOBAL_KEY = "discord:global";

/** The send port for Discord (one bot serves every guild, so keys are not per community). */
export function createDiscordSender(config: DiscordSenderConfig): SendPort {
  const base = config.apiUrl.replace(/\/+$/, "");
  const scale = config.paceScale ?? 1;
  const global: PaceStep = { key: GLOBAL_KEY, intervalMs: DISCORD_PACE.globalMs / scale };
  const routeKey = (channelId: string) => `discord:messages:${channelId}`;

  const call = async (
    method: string,
    path: string,
    key: string,
    body: unknown,
    auth = true,
  ): Promise<{ report?: SendReport; json?: Record<string, unknown>; holds: SendReport["holds"] }> => {
    let response: Response;
    try {
      // A FormData body (a message with a file) sets its own multipart content type and boundary.
      const multipart = body instanceof FormData;
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(multipart ? {} : { "content-type": "application/json" }),
          ...(auth ? { authorization: `Bot ${config.botToken}` } : {}),
        },
        body: multipart ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { report: { outcome: { kind: "transient", reason: String(error).slice(0, 200) } }, holds: [] };
    }
    const holds = bucketHolds(response, key);
    const json = await readJson(response);
    if (response.ok) return { json: json ?? {}, holds };
    return { report: { outcome: failure(response, json, key), holds }, holds };
  };

  const create = async (
    channelId: string,
    request: { message: SendRequest["message"]; nonce: string; replyTo?: string },
  ) => {
    const data = { ...renderDiscordMessage({ ...request.message, visibility: "public" }) };
    const payload = {
      ...data,
      // A reply to the parent; one deleted meanwhile leaves a plain message rather than an error.
      ...(request.replyTo
        ? { message_reference: { message_id: request.replyTo, fail_if_not_exists: false } }
        : {}),
      // A repeat of this send within Discord's nonce window returns the first message instead.
      nonce: request.nonce,
      enforce_nonce: true,
    };
    const file = request.message.file;
    const result = await call(
      "POST",
      `/channels/${channelId}/messages`,
      routeKey(channelId),
      file ? withFile(payload, file) : payload,
    );
    return result.report ?? { outcome: sentFrom(result.json, channelId), holds: result.holds };
  };

  return {
    credential: credentialOnce(config.botToken),
    pacing(request) {
      switch (request.kind) {
        case "post":
          return [{ key: routeKey(request.channelId), intervalMs: 0 }, global];
        case "dm":
          return [
            ...(request.dmChannelId ? [{ key: routeKey(request.dmChannelId), intervalMs: 0 }] : []),
            { key: "discord:dm", intervalMs: DISCORD_PACE.dmMs / scale },
            global,
          ];
        case "edit":
          return [{ key: routeKey(request.channelId), intervalMs: 0 }, global];
        case "followup":
          return [{ key: `discord:webhook:${request.token.slice(0, 16)}`, intervalMs: 0 }];
      }
    },

    async send(request) {
      switch (request.kind) {
        case "post":
          return create(request.channelId, request);
        case "dm": {
          let channel = request.dmChannelId;
          if (!channel) {
            const opened = await call("POST", "/users/@me/channels", "discord:dm-open", {
              recipient_id: request.userId,
            });
            if (opened.report) return opened.report;
            channel = typeof opened.json?.id === "string" ? opened.json.id : null;
            if (!channel) return { outcome: { kind: "transient", reason: "no DM channel id" } };
          }
          return create(channel, request);
        }
        case "edit": {
          const data = renderDiscordMessage({ ...request.message, visibility: "public" });
          const path = `/channels/${request.channelId}/messages/${request.messageId}`;
          const result = await call("PATCH", path, routeKey(request.channelId), data);
          return result.report ?? { outcome: sentFrom(result.json, request.channelId), holds: result.holds };
        }
        case "followup": {
          // Interaction tokens authorize themselves; the bot token must not be sent to webhooks.
          const data = {
            ...renderDiscordMessage(request.message),
            flags: discordFlags(request.message, EPHEMERAL),
          };
          const path = `/webhooks/${config.applicationId}/${request.token}`;
          const file = request.message.file;
          const result = await call(
            "POST",
            path,
            `discord:webhook:${request.token.slice(0, 16)}`,
            file ? withFile(data, file) : data,
            false,
          );
          return result.report ?? { outcome: sentFrom(result.json, ""), holds: result.holds };
        }
      }
    },
  };
}

/**
 * Discord's upload: multipart/form-data with the JSON body in `payload_json` and the file in
 * `files[0]`, named by `attachments: [{ id: 0, filename }]`. The nonce still makes a retry
 * return the first message rather than post the file twice.
 */
function withFile(payload: Record<string, unknown>, file: MessageFile): FormData {
  const form = new FormData();
  form.set("payload_json", JSON.stringify({ ...payload, attachments: [{ id: 0, filename: file.name }] }));
  form.set("files[0]", new Blob([file.content], { type: "application/json" }), file.name);
  return form;
}

function sentFrom(json: Record<string, unknown> | undefined, channelId: string): SendOutcome {
  const id = typeof json?.id === "string" ? json.id : "";
  const channel = typeof json?.channel_id === "string" ? json.channel_id : channelId;
  return { kind: "sent", messageId: id, channelId: channel };
}

/** An exhausted bucket (`X-RateLimit-Remaining: 0`) holds its key until it resets. */
function bucketHolds(response: Response, key: string): { key: string; untilMs: number }[] {
  const remaining = response.headers.get("x-ratelimit-remaining");
  const resetAfter = Number(response.headers.get("x-ratelimit-reset-after"));
  if (remaining !== "0" || !Number.isFinite(resetAfter)) return [];
  return [{ key, untilMs: Date.now() + Math.ceil(resetAfter * 1000) }];
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) {
    await response.body?.cancel();
    return undefined;
  }
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Discord's status codes and JSON error codes to the neutral outcomes. */
function failure(response: Response, json: Record<string, unknown> | undefined, key: string): SendOutcome {
  const status = response.status;
  const code = typeof json?.code === "number" ? json.code : 0;
  const reason = `${status}${code ? ` ${code}` : ""} ${String(json?.message ?? "")}`.trim();
  if (status === 429) {
    // A Cloudflare HTML 429 (shared Worker IPs) has no JSON: back off on its Retry-After or 5 s.
    const seconds = Number(json?.retry_after ?? response.headers.get("retry-after") ?? 5);
    const global = json?.global === true || response.headers.get("x-ratelimit-global") === "true" || !json;
    return {
      kind: "rate_limited",
      retryAfterMs: Math.ceil((Number.isFinite(seconds) ? seconds : 5) * 1000),
      scope: global ? GLOBAL_KEY : key,
    };
  }
  if (code === 50007) return { kind: "undeliverable", reason };
  if (code === 40003) return { kind: "rate_limited", retryAfterMs: 60_000, scope: "discord:dm" };
  if (code === 50001) return { kind: "lost_access", reason, cause: "not_in_channel" };
  if (code === 10003) return { kind: "lost_access", reason, cause: "channel_gone" };
  if (code === 10004) return { kind: "lost_access", reason, cause: "uninstalled" };
  if (status === 401 || status === 403) return { kind: "transient", reason, authFailure: true };
  if (status >= 500) return { kind: "transient", reason };
  return { kind: "rejected", reason };
}
