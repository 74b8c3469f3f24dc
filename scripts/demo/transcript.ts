/**
 * What each channel and DM received, day by day: read from the stand-ins' record of accepted
 * calls (the messages guyub really sent) plus the private replies the drivers got back, each
 * stamped with the simulated moment it happened in.
 */
import { dmChannelId } from "../standins/slack-data.ts";
import type { StandinState } from "../standins/state.ts";
import { discordMessageText, slackMessageText } from "../standins/transcript.ts";
import type { DemoMember } from "./driver.ts";
import { telegramText } from "./telegram-text.ts";

type Obj = Record<string, unknown>;

export type DemoPlatform = "slack" | "discord" | "telegram";

/** A message the Telegram stand-in accepted, as the demo's members press its buttons. */
export interface TelegramSent {
  readonly messageId: number;
  readonly text: string;
  readonly replyMarkup?: { inline_keyboard: Obj[][] };
  /** The message it answers (`reply_parameters`), as Telegram shows a reply. */
  readonly replyTo?: string;
}

export type EntryKind = "post" | "edit" | "private" | "form" | "member";

export interface Entry {
  /** Simulated time, ms. */
  readonly at: number;
  readonly platform: DemoPlatform;
  /** Column key, e.g. `slack #komunitas` or `slack DM Ayu`. */
  readonly column: string;
  readonly kind: EntryKind;
  readonly text: string;
  /** For edits: which message (platform id), so a day shows only a message's last version. */
  readonly target?: string;
}

export class Transcript {
  readonly entries: Entry[] = [];
  /** Column keys in the order they should appear (main channels first, then people). */
  readonly columns: string[] = [];
  private readonly byPlatformId = new Map<string, DemoMember>();
  /** Discord interaction token → whose interaction it was (deferred replies arrive by webhook). */
  private readonly discordTokens = new Map<string, DemoMember>();
  /** `chat:message_id` → the Telegram message as last sent or edited (its keyboard for presses). */
  private readonly telegramSent = new Map<string, TelegramSent & { chat: string }>();

  constructor(
    private readonly state: StandinState,
    private readonly members: readonly DemoMember[],
    private readonly mainChannels: { slack: string; discord: string; telegram: string },
  ) {
    for (const m of members) {
      this.byPlatformId.set(m.slackId, m);
      this.byPlatformId.set(dmChannelId(m.slackId), m);
      this.byPlatformId.set(m.discordId, m);
      this.byPlatformId.set(m.telegramId, m);
    }
    // Telegram's columns come last, so Slack's and Discord's order is what it always was.
    for (const platform of ["slack", "discord", "telegram"] as const) {
      this.columns.push(`${platform} #komunitas`);
      for (const m of members) this.columns.push(`${platform} DM ${m.name}`);
    }
  }

  /** Something a member did or saw privately (a command's reply, a form), written by a driver. */
  note(at: number, platform: DemoPlatform, member: DemoMember, kind: EntryKind, text: string): void {
    if (text.trim()) this.entries.push({ at, platform, column: `${platform} DM ${member.name}`, kind, text });
  }

  /** A channel message changed by a button press's answer (Discord's type-7 update). */
  edited(at: number, platform: DemoPlatform, channel: string, messageId: string, text: string): void {
    const target = platform === "discord" ? (this.dmOwner(channel) ?? channel) : channel;
    this.entries.push({
      at,
      platform,
      column: this.column(platform, target),
      kind: "edit",
      text,
      target: messageId,
    });
  }

  /** Remembers whose Discord interaction `token` is, so its webhook follow-ups land in their column. */
  discordToken(token: string, member: DemoMember): void {
    this.discordTokens.set(token, member);
  }

  /**
   * A Discord message body as a member reads it: roster mentions as `@Name`, the main channel as
   * `#komunitas`, other channels and unknown users shortened.
   */
  discordText(body: unknown): string {
    const named = (value: unknown): unknown => {
      if (typeof value === "string")
        return value
          .replace(/<@!?(\d+)>/g, (raw, id: string) => {
            const member = this.members.find((m) => m.discordId === id);
            return member ? `@${member.name}` : raw;
          })
          .replaceAll(`<#${this.mainChannels.discord}>`, "#komunitas");
      if (Array.isArray(value)) return value.map(named);
      if (value && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v)]));
      return value;
    };
    // Discord's markdown escapes (`\\-`, `\\(`) are for its renderer, not for the reader.
    return discordMessageText(named(body)).replace(/\\([^\w\s])/g, "$1");
  }

  /** Moves the stand-ins' newly recorded calls into entries stamped `at`, in column order. */
  collect(at: number): void {
    const calls = this.state.calls.splice(0, this.state.calls.length);
    const fresh: Entry[] = [];
    for (const call of calls) {
      const entry =
        call.platform === "slack"
          ? this.slackEntry(at, call.method, call.body as Obj, call.route)
          : call.platform === "discord"
            ? this.discordEntry(at, call.method, call.route, call.body)
            : this.telegramEntry(at, call.method, call.body as Obj, call.response as Obj);
      if (entry) fresh.push(entry);
    }
    // Delivery overlaps sends to different channels: order a moment's messages by column, each
    // column keeping the order it received them in, so two runs print the same transcript.
    const rank = (e: Entry) => this.columns.indexOf(e.column);
    fresh.sort((a, b) => rank(a) - rank(b));
    this.entries.push(...fresh);
  }

  /**
   * The newest Telegram message in `chat` with a button of `action` (and `arg` among its packed
   * arguments), as the member's client shows it now; calls not yet collected count too.
   */
  telegramButton(chat: string, action: string, arg?: string) {
    for (const call of this.state.calls)
      if (call.platform === "telegram")
        this.keepTelegram(call.method, call.body as Obj, call.response as Obj);
    for (const sent of [...this.telegramSent.values()].reverse()) {
      if (sent.chat !== chat) continue;
      for (const b of sent.replyMarkup?.inline_keyboard.flat() ?? []) {
        const data = typeof b.callback_data === "string" ? b.callback_data : "";
        if (!data.startsWith(`${action}:`)) continue;
        if (arg !== undefined && !data.split(":").slice(2).includes(arg)) continue;
        return { ...sent, data, label: String(b.text ?? "") };
      }
    }
    return undefined;
  }

  private keepTelegram(method: string, body: Obj, response: Obj | undefined): void {
    const chat = String(body.chat_id);
    const id = method === "editMessageText" ? Number(body.message_id) : Number(response?.message_id);
    if (!Number.isFinite(id) || (method !== "sendMessage" && method !== "editMessageText")) return;
    // An edit without a keyboard removes the old one, as Telegram does; it keeps its place.
    const replyMarkup = body.reply_markup as TelegramSent["replyMarkup"];
    const key = `${chat}:${id}`;
    const replied = (body.reply_parameters as Obj | undefined)?.message_id;
    const replyTo = replied !== undefined ? String(replied) : this.telegramSent.get(key)?.replyTo;
    this.telegramSent.set(key, {
      chat,
      messageId: id,
      text: String(body.text ?? ""),
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyTo ? { replyTo } : {}),
    });
  }

  /** A Telegram message as the group shows it now (after edits), for the demo's checks. */
  telegramMessage(chat: string, id: string): TelegramSent | undefined {
    return this.telegramSent.get(`${chat}:${id}`);
  }

  private telegramEntry(at: number, method: string, body: Obj, response: Obj | undefined): Entry | undefined {
    if (method !== "sendMessage" && method !== "editMessageText") return undefined;
    this.keepTelegram(method, body, response);
    const column = this.column("telegram", String(body.chat_id));
    // A mention is a `tg://user` link: shown with the roster's name, as a member's client shows it.
    const text = telegramText(body).replace(/@(\d+)\b/g, (raw, id: string) => {
      const member = this.members.find((m) => m.telegramId === id);
      return member ? `@${member.name}` : raw;
    });
    if (method === "sendMessage") return { at, platform: "telegram", column, kind: "post", text };
    return {
      at,
      platform: "telegram",
      column,
      kind: "edit",
      text,
      target: `${body.chat_id}:${body.message_id}`,
    };
  }

  private column(platform: DemoPlatform, target: string): string {
    if (target === this.mainChannels[platform]) return `${platform} #komunitas`;
    const member = this.byPlatformId.get(target);
    return member ? `${platform} DM ${member.name}` : `${platform} ${target}`;
  }

  private slackEntry(at: number, method: string, args: Obj, route: string): Entry | undefined {
    const text = slackMessageText(args);
    if (method === "chat.postMessage")
      return {
        at,
        platform: "slack",
        column: this.column("slack", String(args.channel)),
        kind: "post",
        text,
      };
    if (method === "chat.update")
      return {
        at,
        platform: "slack",
        column: this.column("slack", String(args.channel)),
        kind: "edit",
        text,
        target: String(args.ts),
      };
    if (method === "chat.postEphemeral")
      return {
        at,
        platform: "slack",
        column: this.column("slack", String(args.user)),
        kind: "private",
        text,
      };
    if (method === "response_url") {
      // The drivers name the member in the response_url: `/response/<handle>-<n>`.
      const handle = /\/response\/([a-z]+)-/.exec(route)?.[1];
      const member = this.members.find((m) => m.handle === handle);
      if (!member || args.delete_original) return undefined;
      return { at, platform: "slack", column: `slack DM ${member.name}`, kind: "private", text };
    }
    return undefined;
  }

  private discordEntry(at: number, method: string, route: string, body: unknown): Entry | undefined {
    // An interaction's deferred answer or follow-up: private to whoever the token was given to.
    const hook = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/@original)?$/.exec(route);
    if (hook?.[1]) {
      const member = this.discordTokens.get(hook[1]);
      if (!member) return undefined;
      const text = this.discordText(body);
      return { at, platform: "discord", column: `discord DM ${member.name}`, kind: "private", text };
    }
    const channel = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(route);
    if (!channel?.[1]) return undefined;
    const target = channel[1];
    const text = this.discordText(body);
    if (method === "POST" && !channel[2])
      return {
        at,
        platform: "discord",
        column: this.column("discord", this.dmOwner(target) ?? target),
        kind: "post",
        text,
      };
    if (method === "PATCH" && channel[2])
      return {
        at,
        platform: "discord",
        column: this.column("discord", this.dmOwner(target) ?? target),
        kind: "edit",
        text,
        target: channel[2],
      };
    return undefined;
  }

  /** The member a Discord DM channel belongs to (the stand-in opens one per recipient). */
  private dmOwner(channelId: string): string | undefined {
    for (const [recipient, dm] of this.state.dmChannels) if (dm === channelId) return recipient;
    return undefined;
  }
}
