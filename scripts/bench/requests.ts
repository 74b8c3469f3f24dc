/**
 * The signed requests the bench sends: a Slack slash command `/cop help` and a Discord
 * application command `cop › help`, both from one known member. Signed once per target (the
 * platforms' timestamps stay valid for 5 minutes, far longer than one target's run).
 */
import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

/** What load.ts replays: one fixed request. */
export interface LoadRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

export const BENCH_TEAM_ID = "T0BENCH";
/** A regular member in the Slack stand-in (users.info answers is_admin false). */
export const BENCH_SLACK_USER = "U0MEMBER";
export const BENCH_GUILD_ID = "200000000000000001";
export const BENCH_DISCORD_USER = "300000000000000001";

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** A form body shaped like Slack's for `/cop help`. */
export function slackCommandBody(responseUrlBase: string): string {
  return new URLSearchParams({
    token: "bench-verification-token",
    team_id: BENCH_TEAM_ID,
    team_domain: "bench",
    channel_id: "C0BENCH",
    channel_name: "general",
    user_id: BENCH_SLACK_USER,
    user_name: "ayu",
    command: "/cop",
    text: "help",
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
    response_url: `${responseUrlBase}/slack/response/bench`,
    trigger_id: "1000000000.1000000000.benchbenchbenchbenchbench",
  }).toString();
}

/** `X-Slack-Signature` = `v0=` + hex HMAC-SHA256(secret, `v0:{ts}:{body}`). */
export function signedSlack(url: string, secret: string, body: string): LoadRequest {
  const ts = nowSeconds();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    url,
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": ts,
      "x-slack-signature": signature,
    },
    body,
  };
}

export interface DiscordKeys {
  privateKey: KeyObject;
  /** Hex of the raw 32-byte Ed25519 public key, as Discord shows it (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
}

export function discordKeys(): DiscordKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  // DER SubjectPublicKeyInfo of Ed25519 is a fixed 12-byte prefix followed by the raw key.
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  return { privateKey, publicKeyHex };
}

export function discordHelpBody(applicationId: string): string {
  return JSON.stringify({
    id: "400000000000000001",
    type: 2,
    application_id: applicationId,
    token: "bench-interaction-token",
    guild_id: BENCH_GUILD_ID,
    guild_locale: "en-US",
    locale: "en-US",
    member: { user: { id: BENCH_DISCORD_USER, username: "ayu" }, permissions: "0", roles: [] },
    data: { id: "1", name: "cop", type: 1, options: [{ type: 1, name: "help", options: [] }] },
  });
}

/** Ed25519 over `timestamp + body`, hex, in `X-Signature-Ed25519` / `X-Signature-Timestamp`. */
export function signedDiscord(url: string, keys: DiscordKeys, body: string): LoadRequest {
  const ts = nowSeconds();
  const signature = sign(null, Buffer.from(ts + body), keys.privateKey).toString("hex");
  return {
    url,
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": ts,
    },
    body,
  };
}

/** Sends the request once from this process (for the correctness checks before loading). */
export async function sendOnce(request: LoadRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Sends the request once and fails loudly unless `ok` accepts the answer: no loading a broken target. */
export async function check(
  name: string,
  request: LoadRequest,
  ok: (status: number, body: Record<string, unknown>, text: string) => boolean,
): Promise<void> {
  const { status, text } = await sendOnce(request);
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: `ok` sees an empty object and the raw text.
  }
  if (!ok(status, body, text))
    throw new Error(`${name} answered wrongly (HTTP ${status}): ${text.slice(0, 500)}`);
}
