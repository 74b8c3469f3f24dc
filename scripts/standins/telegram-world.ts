/**
 * What the Telegram stand-in knows of its world, set by tests through `/__telegram/*`: the groups
 * the bot is in (with their administrators and members), the people who started the bot (only
 * they can get a private message), and the messages the bot sent (so edits find them).
 */
export interface TelegramGroup {
  title: string;
  type: "group" | "supergroup";
  admins: string[];
  members: string[];
}

export class TelegramWorld {
  groups = new Map<string, TelegramGroup>();
  /** User ids who pressed Start in the bot's private chat (and did not block it). */
  started = new Set<string>();
  /** `chat:message_id` → the text sent, for editMessageText. */
  messages = new Map<string, { text: string; from: string }>();
  /** The last message id per chat: Telegram numbers messages per chat. */
  lastId = new Map<string, number>();
  /** The webhook and commands as setWebhook / setMyCommands left them. */
  webhook: { url: string; secretToken?: string } | null = null;
  commands = new Map<string, unknown[]>();

  nextMessageId(chatId: string): number {
    const id = (this.lastId.get(chatId) ?? 0) + 1;
    this.lastId.set(chatId, id);
    return id;
  }

  reset(): void {
    this.groups.clear();
    this.started.clear();
    this.messages.clear();
    this.lastId.clear();
    this.commands.clear();
    this.webhook = null;
  }
}
