/**
 * The demo's Telegram members: every request is an Update as Telegram would POST it to
 * `/telegram/webhook` (a fresh `update_id`, `from`, `chat`, a `bot_command` entity), with the
 * secret header `setWebhook` would have set. A webhook answer that names a Bot API method is made
 * on the stand-in, as Telegram itself makes it. Unlike Discord, Telegram sends joins: a newcomer
 * arrives as a `chat_member` update (the bot is a group administrator) and the stand-in's group
 * lists them. Buttons are read from the messages the stand-in accepted (their inline keyboards).
 */
import { type CommandRoot, MEMBER_ROOT } from "../../src/core/commands/roots.ts";
import type { StandinState } from "../standins/state.ts";
import type { Clock } from "./clock.ts";
import { DEMO_TIME_HEADER } from "./constants.ts";
import { ConversationForm, type DemoMember, type Driver, type FormAnswers, type Reply } from "./driver.ts";
import { telegramText } from "./telegram-text.ts";
import type { Transcript } from "./transcript.ts";

/** The demo's group (a supergroup: negative ids, as Telegram's are) and the bot's name in it. */
export const TELEGRAM_GROUP = "-1009000000001";
export const TELEGRAM_BOT_USERNAME = "guyub_bot";
/** `<bot id>:<secret>`, as BotFather hands out; the bot's own user id is the number before `:`. */
export const TELEGRAM_BOT_ID = 9000000;

type Obj = Record<string, unknown>;

export interface TelegramDriverOptions {
  readonly url: string;
  readonly standinsUrl: string;
  readonly botToken: string;
  readonly webhookSecret: string;
  readonly state: StandinState;
  readonly clock: Clock;
  readonly transcript: Transcript;
  readonly lang: "en" | "id";
}

export class TelegramDriver implements Driver {
  readonly platform = "telegram" as const;
  /** Telegram numbers updates itself; any start will do (guyub takes the id as a key only). */
  private updateId = 500_000;

  constructor(private readonly o: TelegramDriverOptions) {}

  idOf(member: DemoMember): string {
    return member.telegramId;
  }

  mainChannel(): string {
    return TELEGRAM_GROUP;
  }

  /** The moderator adds the bot to the group as an administrator (so joins reach it). */
  async install(moderator: DemoMember): Promise<void> {
    const bot = { id: TELEGRAM_BOT_ID, is_bot: true, first_name: "guyub", username: TELEGRAM_BOT_USERNAME };
    await this.send({
      my_chat_member: {
        chat: this.group(),
        from: this.user(moderator),
        date: this.date(),
        old_chat_member: { status: "left", user: bot },
        new_chat_member: { status: "administrator", user: bot, can_manage_chat: true },
      },
    });
  }

  async join(member: DemoMember): Promise<void> {
    const group = this.o.state.telegram.groups.get(TELEGRAM_GROUP);
    if (group && !group.members.includes(member.telegramId)) group.members.push(member.telegramId);
    await this.send({
      chat_member: {
        chat: this.group(),
        from: this.user(member),
        date: this.date(),
        old_chat_member: { status: "left", user: this.user(member) },
        new_chat_member: { status: "member", user: this.user(member) },
      },
    });
  }

  /** A plain message in the group: guyub reads it as activity where it sees group messages. */
  async speak(member: DemoMember): Promise<void> {
    const text = this.o.lang === "id" ? "Terima kasih, sangat membantu!" : "Thanks, that helps!";
    await this.send({ message: this.message(member, this.group(), text) });
  }

  async command(member: DemoMember, text: string, root: CommandRoot = MEMBER_ROOT): Promise<Reply> {
    // In a group a member taps the command from the menu: Telegram adds the bot's name.
    const word = `/${root}@${TELEGRAM_BOT_USERNAME}`;
    const line = `${word} ${text}`;
    const message = {
      ...this.message(member, this.group(), line),
      // Telegram marks each `@username` it recognises with a `mention` entity (UTF-16 offsets).
      entities: [
        { type: "bot_command", offset: 0, length: word.length },
        ...[...line.matchAll(/@\w+/g)].map((m) => ({
          type: "mention",
          offset: m.index,
          length: m[0].length,
        })),
      ],
    };
    this.note(member, "member", `/${root} ${text}`);
    return this.send({ message });
  }

  async press(member: DemoMember, where: "dm" | "main", action: string, arg?: string): Promise<Reply> {
    const chat = where === "dm" ? member.telegramId : TELEGRAM_GROUP;
    const found = this.o.transcript.telegramButton(chat, action, arg);
    if (!found)
      throw new Error(`no "${action}${arg ? ` ${arg}` : ""}" button in ${where} for ${member.name}`);
    this.note(member, "member", `👆 [${found.label}]`);
    const chatObj = where === "dm" ? this.privateChat(member) : this.group();
    return this.send({
      callback_query: {
        id: `${member.telegramId}-${this.updateId + 1}`,
        from: this.user(member),
        chat_instance: `demo-${chat}`,
        message: {
          message_id: found.messageId,
          from: { id: TELEGRAM_BOT_ID, is_bot: true, first_name: "guyub" },
          chat: chatObj,
          date: this.date(),
          text: found.text,
          reply_markup: found.replyMarkup,
        },
        data: found.data,
      },
    });
  }

  submit(member: DemoMember, _answers: FormAnswers): Promise<Reply> {
    // Telegram has no modals: a form is a private conversation, answered message by message.
    // Answering it needs private-chat text routed to the conversation engine, which this branch
    // does not have yet: play.ts ends the step there and says so.
    return Promise.reject(new ConversationForm(`${member.name} would answer it in the private chat`));
  }

  readonly submitsForms = false;

  private async send(fields: Obj): Promise<Reply> {
    const update = { update_id: ++this.updateId, ...fields };
    const response = await fetch(`${this.o.url}/telegram/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-telegram-bot-api-secret-token": this.o.webhookSecret,
        [DEMO_TIME_HEADER]: this.o.clock.now().toISOString(),
      },
      body: JSON.stringify(update),
    });
    const raw = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${raw.slice(0, 300)}`);
    const body = raw.startsWith("{") ? (JSON.parse(raw) as Obj) : null;
    // A webhook answer is one Bot API call Telegram makes on guyub's behalf.
    if (body && typeof body.method === "string") await this.callBotApi(body);
    return { status: response.status, body };
  }

  private async callBotApi(answer: Obj): Promise<void> {
    const { method, ...params } = answer;
    const url = `${this.o.standinsUrl}/telegram/bot${this.o.botToken}/${String(method)}`;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
    });
    if (!response.ok) throw new Error(`Telegram refused the webhook answer: ${await response.text()}`);
  }

  private message(member: DemoMember, chat: Obj, text: string): Obj {
    return { message_id: this.updateId + 1, from: this.user(member), chat, date: this.date(), text };
  }

  private user(member: DemoMember): Obj {
    return {
      id: Number(member.telegramId),
      is_bot: false,
      first_name: member.name,
      username: `${member.handle}_demo`,
      language_code: this.o.lang,
    };
  }

  private group(): Obj {
    return { id: Number(TELEGRAM_GROUP), type: "supergroup", title: "Komunitas Sains" };
  }

  private privateChat(member: DemoMember): Obj {
    return { id: Number(member.telegramId), type: "private", first_name: member.name };
  }

  /** Telegram dates are Unix seconds; the demo's moment is the simulated one. */
  private date(): number {
    return Math.floor(this.o.clock.now().getTime() / 1000);
  }

  private note(member: DemoMember, kind: "member", text: string): void {
    this.o.transcript.note(this.o.clock.now().getTime(), "telegram", member, kind, telegramText(text));
  }
}
