import { z } from "zod";

/**
 * The parts of a Bot API `Update` guyub reads (core.telegram.org/bots/api#update). Ids are
 * integers up to 52 bits (group ids negative); unknown fields are kept, unknown update kinds pass
 * as an update with none of these fields, and are acknowledged and ignored.
 */
const id = z.number().int().safe();

export const telegramUser = z.looseObject({
  id,
  is_bot: z.boolean().default(false),
  first_name: z.string().max(256).default(""),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  language_code: z.string().max(16).optional(),
});

export const telegramChat = z.looseObject({
  id,
  type: z.enum(["private", "group", "supergroup", "channel"]),
  title: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
});

const entity = z.looseObject({
  type: z.string().max(32),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  /** A `text_mention`'s person (one without a username, picked in the app). */
  user: telegramUser.optional(),
});

const messageBase = {
  message_id: id,
  from: telegramUser.optional(),
  /** Set when an anonymous administrator writes as the group (then `from` is a placeholder bot). */
  sender_chat: telegramChat.optional(),
  chat: telegramChat,
  date: z.number().int(),
  edit_date: z.number().int().optional(),
  text: z.string().max(4096).optional(),
  entities: z.array(entity).max(100).optional(),
  /** Present on a forwarded message: who wrote it first. */
  forward_origin: z.looseObject({ type: z.string().max(32) }).optional(),
  new_chat_members: z.array(telegramUser).max(200).optional(),
  left_chat_member: telegramUser.optional(),
  migrate_to_chat_id: id.optional(),
  migrate_from_chat_id: id.optional(),
};

export const telegramMessage = z.looseObject({
  ...messageBase,
  reply_to_message: z.looseObject(messageBase).optional(),
});

const chatMemberStatus = z.looseObject({
  status: z.enum(["creator", "administrator", "member", "restricted", "left", "kicked"]),
  user: telegramUser,
});

const chatMemberUpdated = z.looseObject({
  chat: telegramChat,
  from: telegramUser,
  date: z.number().int(),
  old_chat_member: chatMemberStatus,
  new_chat_member: chatMemberStatus,
});

export const callbackQuery = z.looseObject({
  id: z.string().min(1).max(64),
  from: telegramUser,
  message: telegramMessage.optional(),
  data: z.string().max(64).optional(),
});

export const telegramUpdate = z.looseObject({
  update_id: id,
  message: telegramMessage.optional(),
  edited_message: telegramMessage.optional(),
  callback_query: callbackQuery.optional(),
  my_chat_member: chatMemberUpdated.optional(),
  chat_member: chatMemberUpdated.optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdate>;
export type TelegramMessage = z.infer<typeof telegramMessage>;
export type TelegramUser = z.infer<typeof telegramUser>;
export type TelegramChat = z.infer<typeof telegramChat>;
export type CallbackQuery = z.infer<typeof callbackQuery>;
export type ChatMemberUpdated = z.infer<typeof chatMemberUpdated>;
