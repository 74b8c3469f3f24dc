import { handleInteraction, type InteractionResponse } from "../../core/actions/handle.ts";
import { translator } from "../../core/i18n/index.ts";
import type { Message } from "../../core/message.ts";
import { TelegramApiError } from "./client.ts";
import { localeOf, nameOf, TELEGRAM_SYNTAX, telegramAuthority, type UpdateContext } from "./context.ts";
import type { CallbackQuery } from "./payloads.ts";
import { renderTelegramMessage } from "./render.ts";
import { openChatLink, sendMessageParams, type WebhookAnswer } from "./replies.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/**
 * A button press (`callback_query`) to core's one button handler. The group the message is in is
 * the workspace core checks against the community packed in the id: a press on a message of
 * another group is refused there and changes nothing. Every press is answered with
 * `answerCallbackQuery` (the webhook's answer), else the member's app shows a spinner.
 */
export async function onCallback(query: CallbackQuery, ctx: UpdateContext): Promise<WebhookAnswer> {
  const chat = query.message?.chat;
  const inGroup = chat !== undefined && chat.type !== "private";
  const fallbackLocale = localeOf(query.from);
  const userId = String(query.from.id);
  const response = await handleInteraction(ctx.core, {
    traits: TELEGRAM_TRAITS,
    userId,
    workspaceId: inGroup ? String(chat.id) : null,
    kind: "button",
    packed: query.data ?? "",
    ingressKey: `telegram:callback:${query.id}`,
    fallbackLocale,
    syntax: TELEGRAM_SYNTAX,
    authority: (community) => telegramAuthority(ctx, community.workspaceId, userId),
  });
  const done = (extra: Record<string, unknown> = {}) => ({
    method: "answerCallbackQuery",
    callback_query_id: query.id,
    ...extra,
  });
  const names = new Map([[userId, nameOf(query.from)]]);
  const message = privateMessage(response);
  if (response.kind === "update" && query.message && ctx.client) {
    await ctx.client
      .call("editMessageText", {
        chat_id: query.message.chat.id,
        message_id: query.message.message_id,
        ...renderTelegramMessage({ ...response.message, visibility: "public" }, names),
      })
      .catch((error: unknown) => console.error("telegram: editMessageText failed", error));
  }
  if (!message) return done();
  if (!ctx.client) return done({ text: firstLine(message) });
  try {
    await ctx.client.call("sendMessage", sendMessageParams(query.from.id, message, names));
    return done();
  } catch (error) {
    if (!(error instanceof TelegramApiError && error.cannotWriteToUser)) {
      console.error("telegram: private answer to a button failed", error);
      return done();
    }
    // They never started the bot: the press opens its private chat (answerCallbackQuery's url takes
    // a t.me/<bot>?start= link); nothing private is shown in the group.
    const url = inGroup ? openChatLink(ctx.botUsername, String(chat.id)) : null;
    return done(url ? { url } : { text: translator(fallbackLocale)("error.unknown_action") });
  }
}

/** What the presser alone should read, if anything: a reply (a conversation's question too) or errors. */
function privateMessage(response: InteractionResponse): Message | null {
  switch (response.kind) {
    case "reply":
    case "errors":
      return response.message;
    case "update":
      return response.reply ?? null;
    case "form":
      // Core asks a form as a conversation here (traits `forms: "conversation"`), never as a form.
      return response.fallback;
  }
}

/** A toast holds 200 characters of plain text: the message's first line. */
function firstLine(message: Message): string {
  const block = message.blocks.find((b) => b.type === "text" || b.type === "heading");
  const text = block && "text" in block && typeof block.text === "string" ? block.text : "";
  return text.slice(0, 200);
}
