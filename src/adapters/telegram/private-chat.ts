import { type Locale, translator } from "../../core/i18n/index.ts";
import { createDb } from "../../db/client.ts";
import { localeOf, TELEGRAM_SYNTAX, type UpdateContext } from "./context.ts";
import type { TelegramMessage } from "./payloads.ts";
import {
  choosePrivateChatCommunity,
  type PrivateChatCommunity,
  privateChatCommunities,
} from "./private-store.ts";
import { openChatLink, sendMessageParams, type WebhookAnswer } from "./replies.ts";

/**
 * `/start <community>` in a private chat, the deep link `t.me/<bot>?start=<group id>` guyub hands
 * out: the chat is about that group from now on, if the person is a member there. A bare `/start`
 * (or a group they are not in) picks their only community, or asks which one.
 */
export async function onStart(
  message: TelegramMessage,
  parameter: string,
  ctx: UpdateContext,
): Promise<WebhookAnswer> {
  const from = message.from;
  const locale = localeOf(from);
  if (!from) return text(message.chat.id, translator(locale)("reply.noCommunity"));
  const userId = String(from.id);
  const { all } = await privateChatCommunities(createDb(ctx.d1), userId);
  const target = all.find((c) => c.workspaceId === parameter) ?? (all.length === 1 ? all[0] : undefined);
  if (!target) {
    if (all.length === 0) return text(message.chat.id, translator(locale)("reply.noCommunity"));
    return chooseCommunityAnswer(message.chat.id, all, ctx.botUsername, locale);
  }
  await choosePrivateChatCommunity(ctx.d1, userId, target.id, ctx.core.now());
  const t = translator(target.locale);
  return text(
    message.chat.id,
    t("reply.communityChosen", {
      community: target.name ?? target.workspaceId,
      usage: `${TELEGRAM_SYNTAX.prefix} help`,
    }),
  );
}

/**
 * "Which community?", one button per group. Each is the group's deep link: pressing it sends
 * `/start <group id>` in this chat, so the choice goes through {@link onStart} and its checks.
 */
export function chooseCommunityAnswer(
  chatId: number,
  communities: readonly PrivateChatCommunity[],
  botUsername: string | undefined,
  locale: Locale,
): WebhookAnswer {
  const buttons = communities
    .slice(0, 20)
    .map((c) => ({
      text: (c.name ?? c.workspaceId).slice(0, 64),
      url: openChatLink(botUsername, c.workspaceId),
    }))
    .filter((b): b is { text: string; url: string } => b.url !== null);
  return {
    ...text(chatId, translator(locale)("reply.chooseCommunity")),
    ...(buttons.length > 0 ? { reply_markup: { inline_keyboard: buttons.map((b) => [b]) } } : {}),
  };
}

function text(chatId: number, line: string): WebhookAnswer {
  return {
    method: "sendMessage",
    ...sendMessageParams(chatId, { visibility: "public", blocks: [{ type: "text", text: line }] }),
  };
}
