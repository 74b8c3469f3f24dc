import type { AppEnv } from "../../src/env.ts";
import { standinsBase } from "./standins-url.ts";

/** The group, people and bot the Telegram tests use (group ids are negative, people positive). */
export const TG_GROUP = -1001234567890;
export const TG_OTHER_GROUP = -1009876543210;
export const TG_MEMBER = 7000001;
export const TG_ADMIN = 7000002;
export const TG_BOT_TOKEN = "123456:test-telegram-token";
export const TG_BOT = "guyub_bot";
export const TG_SECRET = "test-telegram-webhook-secret";

/** The bindings the Telegram adapter reads, pointed at this file's stand-in. */
export function telegramEnv(overrides: Record<string, string> = {}): Partial<AppEnv> {
  return {
    TELEGRAM_BOT_TOKEN: TG_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_API_URL: `${standinsBase()}/telegram`,
    TELEGRAM_BOT_USERNAME: TG_BOT,
    ...overrides,
  } as Partial<AppEnv>;
}

let updateSeq = 100_000 + Math.floor(Math.random() * 1_000_000);
let messageSeq = 1_000;

/** A fresh update_id per call, as Telegram numbers updates. */
export function nextUpdateId(): number {
  updateSeq += 1;
  return updateSeq;
}

export interface TgUserSpec {
  id?: number;
  first_name?: string;
  language_code?: string;
}

export function tgUser(spec: TgUserSpec = {}) {
  return {
    id: spec.id ?? TG_MEMBER,
    is_bot: false,
    first_name: spec.first_name ?? "Ayu",
    language_code: spec.language_code ?? "en",
  };
}

/** A group chat, or the private chat with `user`. */
export function tgChat(chatId: number = TG_GROUP) {
  return chatId < 0
    ? { id: chatId, type: "supergroup", title: "Guru Matematika" }
    : { id: chatId, type: "private", first_name: "Ayu" };
}

/**
 * A message update whose text starts with a bot command (`/cop help`, `/cop@guyub_bot help`): the
 * `bot_command` entity covers the command word at offset 0, as Telegram marks it.
 */
export function commandUpdate(
  text: string,
  o: {
    chatId?: number;
    from?: TgUserSpec;
    updateId?: number;
    messageId?: number;
    extra?: Record<string, unknown>;
  } = {},
) {
  const word = text.split(/\s/, 1)[0] ?? "";
  messageSeq += 1;
  return {
    update_id: o.updateId ?? nextUpdateId(),
    message: {
      message_id: o.messageId ?? messageSeq,
      from: tgUser(o.from),
      chat: tgChat(o.chatId ?? TG_GROUP),
      date: 1_765_000_000,
      text,
      entities: word.startsWith("/") ? [{ type: "bot_command", offset: 0, length: word.length }] : [],
      ...o.extra,
    },
  };
}

/** A POST of an update to the webhook, with the secret header unless `secret` is null. */
export function telegramRequest(update: unknown, secret: string | null = TG_SECRET, body?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
  return new Request("https://guyub.test/telegram/webhook", {
    method: "POST",
    headers,
    body: body ?? JSON.stringify(update),
  });
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${standinsBase()}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`stand-ins ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Puts the bot in a group with these administrators and members. */
export function tgGroup(chatId: number, admins: number[] = [TG_ADMIN], members: number[] = [TG_MEMBER]) {
  return control("POST", "/__telegram/groups", { chatId, admins, members });
}

/** These people pressed Start in the bot's private chat: private messages reach them. */
export function tgStarted(...userIds: number[]) {
  return control("POST", "/__telegram/started", { userIds });
}

/** The Bot API calls the stand-in accepted, optionally of one method. */
export async function tgCalls(
  method?: string,
): Promise<Array<{ method: string; body: Record<string, unknown> }>> {
  const response = await fetch(
    `${standinsBase()}/__sent?platform=telegram${method ? `&method=${method}` : ""}`,
  );
  return (await response.json()) as Array<{ method: string; body: Record<string, unknown> }>;
}
