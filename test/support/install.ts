import { env } from "cloudflare:workers";
import type { AppEnv } from "../../src/env.ts";
import { standinsBase } from "./standins-url.ts";
import { send } from "./worker.ts";

/** The Slack app's OAuth settings the stand-ins know (scripts/standins/config.ts). */
export const OAUTH_ENV: Partial<AppEnv> = {
  SLACK_CLIENT_ID: "test-client-id",
  SLACK_CLIENT_SECRET: "test-client-secret",
  PUBLIC_URL: "https://guyub.test",
};

export interface Started {
  readonly state: string;
  readonly cookie: string;
  readonly authorize: URL;
}

/** `GET /slack/install`: the redirect to the authorize page and the cookie set with it. */
export async function startInstall(
  options: { env?: Partial<AppEnv>; now?: () => Date } = {},
): Promise<Started> {
  const response = await send(new Request("https://guyub.test/slack/install"), {
    ...options,
    env: { ...OAUTH_ENV, ...options.env },
  });
  if (response.status !== 302) throw new Error(`install answered ${response.status}`);
  const authorize = new URL(response.headers.get("location") ?? "");
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { state: authorize.searchParams.get("state") ?? "", cookie, authorize };
}

/** Slack's page, as the moderator answers it: the callback URL Slack sends the browser to. */
export async function decide(started: Started, decision: "allow" | "cancel", team?: string): Promise<URL> {
  const url = new URL(started.authorize);
  url.pathname = url.pathname.replace(/authorize$/, "decide");
  url.searchParams.set("decision", decision);
  if (team) url.searchParams.set("team", team);
  const response = await fetch(url, { redirect: "manual" });
  return new URL(response.headers.get("location") ?? "");
}

/** The browser arriving at the callback, with (or without) the cookie. */
export function callback(
  url: URL,
  cookie: string | null,
  options: { env?: Partial<AppEnv>; now?: () => Date } = {},
): Promise<Response> {
  const headers = cookie ? { cookie } : undefined;
  return send(new Request(`https://guyub.test/slack/oauth/callback${url.search}`, { headers }), {
    ...options,
    env: { ...OAUTH_ENV, ...options.env },
  });
}

/** The whole install of one workspace; returns the callback's answer. */
export async function install(team?: string, options: { env?: Partial<AppEnv> } = {}): Promise<Response> {
  const started = await startInstall(options);
  return callback(await decide(started, "allow", team), started.cookie, options);
}

export const installations = async () =>
  (await env.DB.prepare("SELECT * FROM installations ORDER BY id").all<Record<string, unknown>>()).results;

export const standinAuthorize = () => `${standinsBase()}/slack/oauth/v2/authorize`;
