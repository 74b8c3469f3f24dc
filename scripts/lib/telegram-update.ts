/** The CLI's Telegram people and group (group ids are negative, as Telegram's are). */
export const TELEGRAM_MEMBER_ID = 7000001;
export const TELEGRAM_MODERATOR_ID = 7000002;
export const TELEGRAM_GROUP_ID = -1001234567890;

export interface TelegramUpdateOptions {
  readonly chatId: number;
  readonly userId: number;
  readonly languageCode: string;
  /** A fresh id: Telegram numbers updates, and guyub takes the id as a key only. */
  readonly updateId: number;
}

/**
 * A message update as Telegram sends it for a command typed in a group or private chat: the
 * command word (`/cop`, `/cop@guyub_bot`) marked by a `bot_command` entity at offset 0.
 */
export function telegramCommandUpdate(text: string, o: TelegramUpdateOptions): Record<string, unknown> {
  const line = text.trim().startsWith("/") ? text.trim() : `/cop ${text.trim()}`;
  const word = line.split(/\s/, 1)[0] ?? "";
  const group = o.chatId < 0;
  return {
    update_id: o.updateId,
    message: {
      message_id: o.updateId % 1_000_000,
      from: {
        id: o.userId,
        is_bot: false,
        first_name: o.userId === TELEGRAM_MODERATOR_ID ? "Budi" : "Ayu",
        language_code: o.languageCode,
      },
      chat: group
        ? { id: o.chatId, type: "supergroup", title: "Local group" }
        : { id: o.chatId, type: "private", first_name: "Ayu" },
      date: Math.floor(Date.now() / 1000),
      text: line,
      entities: [{ type: "bot_command", offset: 0, length: word.length }],
    },
  };
}

/** The stand-in's Telegram world as `GET /__telegram/world` shows it. */
export interface TelegramStandinWorld {
  readonly groups?: Record<string, { title?: string; type?: string; admins?: string[]; members?: string[] }>;
  readonly started?: string[];
}

/**
 * What Telegram itself knows when someone types, for the local stand-in: the group exists with
 * the CLI's moderator as its administrator and the writer among its members; a person writing in
 * their private chat with the bot has pressed Start (so the bot may write to them). Null when the
 * stand-in knows it already.
 */
export function telegramStandinHint(
  world: TelegramStandinWorld,
  chatId: number,
  userId: number,
): { path: "groups" | "started"; body: Record<string, unknown> } | null {
  const user = String(userId);
  if (chatId > 0)
    return world.started?.includes(user) ? null : { path: "started", body: { userIds: [user] } };
  const group = world.groups?.[String(chatId)];
  if (group?.members?.includes(user) || group?.admins?.includes(user)) return null;
  return {
    path: "groups",
    body: {
      title: group?.title ?? "Local group",
      ...(group?.type ? { type: group.type } : {}),
      admins: group?.admins ?? [String(TELEGRAM_MODERATOR_ID)],
      members: [...(group?.members ?? []), user],
      chatId: String(chatId),
    },
  };
}
