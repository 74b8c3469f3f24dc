import { activityVisibilityQuery } from "../../db/activity-channels.ts";
import { createDb, runBatch } from "../../db/client.ts";
import { ensureCommunity } from "../../db/community-install.ts";
import { lossQueries, reactivateQueries } from "../../db/delivery-blocks.ts";
import { recordJoin, recordLeave } from "../../features/membership/events.ts";
import { communityIdOf, followChatMigration, groupIsMainChannel } from "./community-store.ts";
import { localeOf, nameOf, type UpdateContext } from "./context.ts";
import type { ChatMemberUpdated, TelegramMessage, TelegramUser } from "./payloads.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

const PRESENT = new Set(["creator", "administrator", "member", "restricted"]);
/** Statuses in which a bot sees every message and `chat_member` update despite privacy mode. */
const SEES_ALL = new Set(["creator", "administrator"]);

/**
 * The bot itself added to or removed from a group (`my_chat_member`). Added: the group's community
 * is created (or comes back, as a reinstall does). Removed or banned: treated as an uninstall,
 * like Discord's removal from a server: nothing is sent there any more, and its data is erased
 * later unless the bot comes back first. Present but not an administrator, the bot sees only
 * commands and replies (privacy mode): the group's own activity row says so (`messages_hidden`),
 * which turns nudges off there and tells moderators why, until it is made an administrator.
 */
export async function onMyChatMember(update: ChatMemberUpdated, ctx: UpdateContext): Promise<void> {
  const chat = update.chat;
  if (chat.type !== "group" && chat.type !== "supergroup") return;
  const db = createDb(ctx.d1);
  const now = ctx.core.now();
  const workspaceId = String(chat.id);
  if (PRESENT.has(update.new_chat_member.status)) {
    await ensureCommunity(
      db,
      { platform: TELEGRAM_TRAITS.id, workspaceId, name: chat.title ?? null, locale: localeOf(update.from) },
      now,
    );
    await groupIsMainChannel(db, workspaceId, now);
    const id = await communityIdOf(db, workspaceId);
    if (id === null) return;
    const hidden = SEES_ALL.has(update.new_chat_member.status) ? null : "messages_hidden";
    await runBatch(ctx.d1, [
      ...reactivateQueries(db, id, now),
      activityVisibilityQuery(db, id, workspaceId, hidden, now),
    ]);
    return;
  }
  const id = await communityIdOf(db, workspaceId);
  if (id === null) return;
  const reason = `telegram: the bot is ${update.new_chat_member.status} from the group`;
  await runBatch(
    ctx.d1,
    lossQueries(db, { communityId: id, scope: "*", cause: "uninstalled", reason, credential: null }, now),
  );
}

/** Someone joined or left (`chat_member`, when the bot is an administrator), to core's membership. */
export async function onChatMember(
  update: ChatMemberUpdated,
  updateId: number,
  ctx: UpdateContext,
): Promise<void> {
  const before = PRESENT.has(update.old_chat_member.status);
  const after = PRESENT.has(update.new_chat_member.status);
  if (before === after) return;
  const key = `telegram:${update.chat.id}:member:${update.date}:${update.new_chat_member.user.id}:${updateId}`;
  await joinOrLeave(ctx, String(update.chat.id), update.new_chat_member.user, after, key);
}

/**
 * The service messages of a group: members added or left (`new_chat_members`,
 * `left_chat_member`, which a bot sees without being an administrator) and an upgrade to a
 * supergroup (`migrate_to_chat_id`). True when the message was one of them.
 */
export async function onServiceMessage(
  message: TelegramMessage,
  updateId: number,
  ctx: UpdateContext,
): Promise<boolean> {
  const workspaceId = String(message.chat.id);
  const key = (userId: number) =>
    `telegram:${workspaceId}:${message.message_id}:${userId}:update:${updateId}`;
  if (message.migrate_to_chat_id !== undefined) {
    await followChatMigration(
      createDb(ctx.d1),
      workspaceId,
      String(message.migrate_to_chat_id),
      ctx.core.now(),
    );
    return true;
  }
  if (message.new_chat_members) {
    for (const user of message.new_chat_members)
      await joinOrLeave(ctx, workspaceId, user, true, key(user.id));
    return true;
  }
  if (message.left_chat_member) {
    await joinOrLeave(ctx, workspaceId, message.left_chat_member, false, key(message.left_chat_member.id));
    return true;
  }
  return message.migrate_from_chat_id !== undefined;
}

async function joinOrLeave(
  ctx: UpdateContext,
  workspaceId: string,
  user: TelegramUser,
  joined: boolean,
  ingressKey: string,
): Promise<void> {
  const deps = {
    store: ctx.core.store,
    now: ctx.core.now,
    ...(ctx.core.queue ? { queue: ctx.core.queue } : {}),
  };
  const event = { platform: TELEGRAM_TRAITS.id, workspaceId, userId: String(user.id), ingressKey };
  if (joined) {
    // The update names the person and whether they are a bot: no look-up needed.
    await recordJoin(deps, {
      ...event,
      profile: async () => ({ isBot: user.is_bot, displayName: nameOf(user) }),
    });
  } else {
    await recordLeave(deps, { ...event, reason: "gone" });
  }
}
