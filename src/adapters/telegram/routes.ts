import { Hono } from "hono";
import { HttpError } from "../../core/errors.ts";
import type { CoreDeps } from "../../core/handle-command.ts";
import type { AppEnv } from "../../env.ts";
import { readRawBody } from "../read-body.ts";
import { assertVerified } from "../verify-result.ts";
import { createTelegramClient, type TelegramClient } from "./client.ts";
import type { UpdateContext } from "./context.ts";
import { DEFAULT_TELEGRAM_API_URL, type TelegramEnv } from "./env.ts";
import { telegramUpdate } from "./payloads.ts";
import { onUpdate } from "./updates.ts";
import { verifyTelegramSecret } from "./verify.ts";

export interface TelegramRouteOptions {
  readonly core: (env: AppEnv) => CoreDeps;
}

type Env = { Bindings: AppEnv };

/**
 * `POST /telegram/webhook`: the secret header checked first (nothing is parsed before), then the
 * Update parsed and handled. The answer is 200 with either nothing or one Bot API call for
 * Telegram to make (a reply in the same chat); any other status makes Telegram redeliver.
 */
export function telegramRoutes(options: TelegramRouteOptions): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post("/webhook", async (c) => {
    const env = c.env as TelegramEnv;
    if (!env.TELEGRAM_WEBHOOK_SECRET)
      throw new HttpError("not_configured", "TELEGRAM_WEBHOOK_SECRET is not set.");
    const header = c.req.header("x-telegram-bot-api-secret-token") ?? null;
    assertVerified(await verifyTelegramSecret(env.TELEGRAM_WEBHOOK_SECRET, header), "Telegram");
    const raw = await readRawBody(c.req.raw);
    const parsed = telegramUpdate.safeParse(parseJson(raw));
    if (!parsed.success) throw new HttpError("malformed_payload", "Not a Telegram update.");
    const answer = await onUpdate(parsed.data, await contextFor(env, options));
    return answer ? c.json(answer) : c.body(null, 200);
  });
  return routes;
}

async function contextFor(env: TelegramEnv, options: TelegramRouteOptions): Promise<UpdateContext> {
  const token = env.TELEGRAM_BOT_TOKEN;
  const client = token ? createTelegramClient(env.TELEGRAM_API_URL ?? DEFAULT_TELEGRAM_API_URL, token) : null;
  const username =
    env.TELEGRAM_BOT_USERNAME?.replace(/^@/, "") ||
    (client && token ? await botUsername(client, token) : undefined);
  return {
    core: options.core(env),
    client,
    ...(username ? { botUsername: username } : {}),
    d1: env.DB,
    cacheKey: `${env.TELEGRAM_API_URL ?? ""}\n${token ?? ""}`,
  };
}

// The bot's username, asked once per isolate and token (getMe) when it is not configured.
const usernames = new Map<string, Promise<string | undefined>>();
function botUsername(client: TelegramClient, token: string): Promise<string | undefined> {
  let name = usernames.get(token);
  if (!name) {
    name = client
      .call<{ username?: string }>("getMe", {})
      .then((me) => me.username)
      .catch((error: unknown) => {
        // Not kept: the next update asks again.
        usernames.delete(token);
        console.error("telegram: getMe failed", error);
        return undefined;
      });
    usernames.set(token, name);
  }
  return name;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
