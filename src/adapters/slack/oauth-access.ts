import { z } from "zod";

/**
 * `oauth.v2.access`, through `SLACK_API_URL` like every Slack call: a code from the authorize
 * redirect for an install, or `grant_type=refresh_token` when the app opted in to token
 * rotation. Slack answers HTTP 200 with `ok: false` and an `error` on failure.
 */
const granted = z.looseObject({
  ok: z.literal(true),
  access_token: z.string().min(1).max(500),
  token_type: z.string().optional(),
  scope: z.string().max(4000).optional(),
  bot_user_id: z.string().max(64).optional(),
  app_id: z.string().max(64).optional(),
  team: z.looseObject({ id: z.string().min(1).max(64), name: z.string().max(255).optional() }).nullish(),
  enterprise: z.looseObject({ id: z.string().max(64) }).nullish(),
  authed_user: z.looseObject({ id: z.string().max(64) }).nullish(),
  // Only when the app opted in to token rotation: the access token then lives `expires_in` s.
  refresh_token: z.string().min(1).max(500).optional(),
  expires_in: z.number().int().positive().optional(),
});

export type OauthGrant = z.infer<typeof granted>;

export class OauthAccessError extends Error {
  constructor(readonly code: string) {
    super(`oauth.v2.access failed: ${code}`);
    this.name = "OauthAccessError";
  }
}

export interface OauthClient {
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export function exchangeCode(client: OauthClient, code: string, redirectUri: string): Promise<OauthGrant> {
  return call(client, { code, redirect_uri: redirectUri });
}

export function refreshToken(client: OauthClient, token: string): Promise<OauthGrant> {
  return call(client, { grant_type: "refresh_token", refresh_token: token });
}

async function call(client: OauthClient, args: Record<string, string>): Promise<OauthGrant> {
  const base = client.apiUrl.endsWith("/") ? client.apiUrl : `${client.apiUrl}/`;
  let response: Response;
  try {
    response = await fetch(`${base}oauth.v2.access`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, ...args }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new OauthAccessError(`network: ${String(error).slice(0, 120)}`);
  }
  const body = (await response.json().catch(() => null)) as { ok?: unknown; error?: unknown } | null;
  if (!response.ok || !body) throw new OauthAccessError(`http_${response.status}`);
  if (body.ok !== true)
    throw new OauthAccessError(typeof body.error === "string" ? body.error : "unknown_error");
  const parsed = granted.safeParse(body);
  if (!parsed.success) throw new OauthAccessError("unexpected_response");
  return parsed.data;
}
