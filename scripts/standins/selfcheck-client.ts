/** Shared helpers of the stand-in self-check (selfcheck.ts): tokens, fetch helpers, assertions. */
import assert from "node:assert/strict";

export const SLACK_TOKEN = "xoxb-selfcheck";
export const OTHER_SLACK_TOKEN = "xoxb-selfcheck-other";
export const BOT_TOKEN = "selfcheck-discord-bot";
export const APP_ID = "100000000000000001";

export type Check = [name: string, run: () => Promise<void>];

/** Small fetch helpers bound to the running stand-ins. */
export function client(base: string) {
  return {
    base,
    slack(method: string, args: Record<string, string> = {}, token: string | null = SLACK_TOKEN) {
      const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
      if (token) headers.authorization = `Bearer ${token}`;
      return fetch(`${base}/slack/api/${method}`, {
        method: "POST",
        headers,
        body: new URLSearchParams(args),
      });
    },
    slackJson(method: string, body: unknown, token = SLACK_TOKEN) {
      const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
      return fetch(`${base}/slack/api/${method}`, { method: "POST", headers, body: JSON.stringify(body) });
    },
    discord(method: string, path: string, body?: unknown, auth: string | null = `Bot ${BOT_TOKEN}`) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (auth) headers.authorization = auth;
      const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
      return fetch(`${base}/discord/api/v10${path}`, init);
    },
    control(method: string, path: string, body?: unknown) {
      const init = {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      };
      return fetch(`${base}${path}`, method === "GET" ? { method } : init);
    },
  };
}
export type Client = ReturnType<typeof client>;

/** Reads a Slack answer and asserts HTTP 200 with the expected `ok`/`error`. */
export async function slackResult(res: Promise<Response>, error?: string): Promise<Record<string, unknown>> {
  const r = await res;
  const body = (await r.json()) as Record<string, unknown>;
  assert.equal(r.status, 200, JSON.stringify(body));
  if (error) assert.deepEqual({ ok: body.ok, error: body.error }, { ok: false, error });
  else assert.equal(body.ok, true, JSON.stringify(body));
  return body;
}

/** Sends a control request and asserts its status (200 unless told); returns the JSON body. */
export async function control(
  c: Client,
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<Record<string, unknown>> {
  const r = await c.control(method, path, body);
  const json = (await r.json()) as Record<string, unknown>;
  assert.equal(r.status, status, JSON.stringify(json));
  return json;
}

/** Reads a Discord answer and asserts its status and, if given, its JSON error code. */
export async function discordResult(
  res: Promise<Response>,
  status: number,
  code?: number,
): Promise<Record<string, unknown> & Record<string, unknown>[]> {
  const r = await res;
  const body = (await r.json()) as Record<string, unknown> & Record<string, unknown>[];
  assert.equal(r.status, status, JSON.stringify(body));
  if (code !== undefined) assert.equal(body.code, code, JSON.stringify(body));
  return body;
}
