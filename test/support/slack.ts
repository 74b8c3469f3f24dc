import { env } from "cloudflare:workers";
import { signSlackRequest } from "../../src/adapters/slack/verify.ts";
import { standinsBase } from "./standins-url.ts";

export const TEAM = "T0GUYUB01";
export const MEMBER = "U0MEMBER";
export const MODERATOR = "U0MODERATOR";

let triggerSeq = 0;

/** A slash-command form body as Slack sends it. */
export function commandBody(text: string, fields: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: TEAM,
    team_domain: "guru-penggerak",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: MEMBER,
    user_name: "ayu",
    command: "/cop",
    text,
    api_app_id: "A0GUYUB",
    response_url: `${standinsBase()}/slack/response/${crypto.randomUUID()}`,
    // Slack gives every invocation its own trigger_id (guyub's ingress key for commands).
    trigger_id: `${Date.now()}.${++triggerSeq}.${crypto.randomUUID().slice(0, 8)}`,
    ...fields,
  }).toString();
}

/** A request signed with the test signing secret, at `now` unless a timestamp is given. */
export async function signedSlack(
  path: string,
  body: string,
  options: { timestamp?: number; secret?: string; contentType?: string } = {},
): Promise<Request> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const secret = options.secret ?? (env.SLACK_SIGNING_SECRET as string);
  return new Request(`https://guyub.test${path}`, {
    method: "POST",
    headers: {
      // As Slack sends it (and what the app's hot path for commands requires).
      "content-length": String(new TextEncoder().encode(body).length),
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": await signSlackRequest(secret, timestamp, body),
    },
    body,
  });
}

/** Runs `/cop <text>` as a member and returns Slack's view of the reply. */
export async function slashCommand(text: string, fields: Record<string, string> = {}): Promise<Request> {
  return signedSlack("/slack/commands", commandBody(text, fields));
}

/** All text in a Block Kit reply, for assertions. */
export function replyText(reply: { text?: string; blocks?: unknown[] }): string {
  return JSON.stringify(reply.blocks ?? []) + (reply.text ?? "");
}
