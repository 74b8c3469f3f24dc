import type { Block, Button, Inline, Message, Text } from "../../core/message.ts";

export const EPHEMERAL = 1 << 6;
/** No embeds (link previews) on the message: Discord's message flag 1 << 2. */
export const SUPPRESS_EMBEDS = 1 << 2;
const CONTENT_LIMIT = 2000;

/** Escapes Discord markdown so member-written text shows as typed. */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|<>#[\]()-])/g, "\\$1");
}

function render(text: Text, mentions: Set<string>): string {
  if (typeof text === "string") return escapeDiscord(text);
  return text.map((piece) => inline(piece, mentions)).join("");
}

function inline(piece: Inline, mentions: Set<string>): string {
  if (typeof piece === "string") return escapeDiscord(piece);
  if ("user" in piece) {
    mentions.add(piece.user);
    return `<@${piece.user}>`;
  }
  if ("role" in piece) return `<@&${piece.role}>`;
  if ("channel" in piece) return `<#${piece.channel}>`;
  if ("bold" in piece) return `**${escapeDiscord(piece.bold)}**`;
  // A masked link (interaction replies and bot messages render them); the URL is the one
  // Discord's "Copy Message Link" gives.
  if ("message" in piece) {
    const { workspace, channel, id } = piece.message;
    return `[${escapeDiscord(piece.label)}](https://discord.com/channels/${workspace}/${channel}/${id})`;
  }
  // Angle brackets keep an address clickable, unescaped, and unpreviewed.
  if ("link" in piece) return `<${piece.link.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return `\`${piece.code.replace(/`/g, "'")}\``;
}

function renderBlock(block: Block, mentions: Set<string>): string | null {
  switch (block.type) {
    case "heading":
      return `### ${escapeDiscord(block.text)}`;
    case "text":
      return render(block.text, mentions);
    case "section":
      return [
        render(block.text, mentions),
        ...block.fields.map((f) => `**${escapeDiscord(f.label)}**: ${render(f.value, mentions)}`),
      ].join("\n");
    case "fields":
      return block.fields
        .map((f) => `**${escapeDiscord(f.label)}**: ${render(f.value, mentions)}`)
        .join("\n");
    case "context":
      return render(block.text, mentions)
        .split("\n")
        .map((line) => `-# ${line}`)
        .join("\n");
    case "divider":
      return "";
    case "actions":
      return null;
  }
}

function button(b: Button) {
  const style = b.style === "danger" ? 4 : b.style === "primary" ? 1 : 2;
  const customId = b.value === undefined ? b.actionId : `${b.actionId}:${b.value}`;
  return { type: 2, style, label: b.label.slice(0, 80), custom_id: customId.slice(0, 100) };
}

export interface DiscordMessageData {
  readonly content: string;
  readonly components: object[];
  readonly flags?: number;
  readonly allowed_mentions: { parse: never[]; users: string[]; roles: never[] };
}

/**
 * Content + components for a message. `allowed_mentions` names exactly the users the message
 * mentions: nothing a member wrote can ping @everyone, @here or a role.
 */
export function renderDiscordMessage(message: Message): DiscordMessageData {
  const mentions = new Set<string>();
  const parts = message.blocks.map((block) => renderBlock(block, mentions)).filter((part) => part !== null);
  let content = parts.join("\n").trim();
  if (content.length > CONTENT_LIMIT) content = `${content.slice(0, CONTENT_LIMIT - 1)}…`;
  const rows = message.blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => chunk(block.buttons, 5))
    .slice(0, 5)
    .map((buttons) => ({ type: 1, components: buttons.map(button) }));
  return {
    content,
    components: rows,
    ...(discordFlags(message) ? { flags: discordFlags(message) } : {}),
    allowed_mentions: { parse: [], users: [...mentions].slice(0, 100), roles: [] },
  };
}

/** The message flags a message asks for: ephemeral (64), no previews (SUPPRESS_EMBEDS); 0 for none. */
export function discordFlags(message: Message, extra = 0): number {
  return (
    (message.visibility === "ephemeral" ? EPHEMERAL : 0) | (message.noPreviews ? SUPPRESS_EMBEDS : 0) | extra
  );
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
