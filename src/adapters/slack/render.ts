import type { Block, Button, Field, Inline, Message, MessageRef, Text } from "../../core/message.ts";

/**
 * Renders neutral messages to Block Kit. Every plain string is escaped (`&`, `<`, `>`), so
 * text a member wrote can never become `<!channel>`, `<!here>` or `<!everyone>`; the only
 * mentions are `{ user }` pieces (roles are never rendered as pinging user-group mentions).
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * What a reply knows of where it is read: the workspace's subdomain (a slash command's
 * `team_domain`), which Slack's message permalinks are written with.
 */
export interface SlackLinks {
  readonly domain?: string | null;
}

/**
 * A message's permalink: `https://<domain>.slack.com/archives/<channel>/p<ts without its dot>`, the
 * form Slack's own "Copy link" gives (and `chat.getPermalink` answers), which the apps open at the
 * message. Without the subdomain, Slack's documented `app_redirect` opens the channel instead.
 */
export function slackPermalink(ref: MessageRef, links: SlackLinks = {}): string {
  const domain = links.domain && /^[a-z0-9-]+$/i.test(links.domain) ? links.domain : null;
  if (domain) return `https://${domain}.slack.com/archives/${ref.channel}/p${ref.id.replace(".", "")}`;
  const query = new URLSearchParams({ team: ref.workspace, channel: ref.channel });
  return `https://slack.com/app_redirect?${query.toString()}`;
}

export function mrkdwn(text: Text, links: SlackLinks = {}): string {
  if (typeof text === "string") return escapeSlack(text);
  return text.map((piece) => inline(piece, links)).join("");
}

function inline(piece: Inline, links: SlackLinks): string {
  if (typeof piece === "string") return escapeSlack(piece);
  // `|` ends the URL inside `<…|…>`; the label may hold anything once escaped.
  if ("message" in piece) return `<${slackPermalink(piece.message, links)}|${escapeSlack(piece.label)}>`;
  if ("user" in piece) return `<@${piece.user}>`;
  if ("channel" in piece) return `<#${piece.channel}>`;
  // A role names who is meant, not who should be woken: Slack's only group mention
  // (`<!subteam^…>`) pings every member of the user group and has no silent form, so a role
  // is shown as plain bold text.
  if ("role" in piece) return `*${escapeSlack(piece.role)}*`;
  if ("bold" in piece) return `*${escapeSlack(piece.bold)}*`;
  if ("link" in piece) return `<${escapeSlack(piece.link).replace(/\|/g, "%7C")}>`;
  return `\`${escapeSlack(piece.code).replace(/`/g, "'")}\``;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function fieldText(field: Field, links: SlackLinks): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: cut(`*${escapeSlack(field.label)}*\n${mrkdwn(field.value, links)}`, 2000) };
}

function button(b: Button) {
  // Slack wants action ids unique within a block (a list of vote buttons shares one action), so
  // the whole packed id travels as the action_id, as it does in Discord's custom_id.
  const packed = b.value === undefined ? b.actionId : `${b.actionId}:${b.value}`;
  return {
    type: "button",
    action_id: cut(packed, 255),
    text: { type: "plain_text", text: cut(b.label, 75) },
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Section blocks take at most 10 fields; longer lists continue in further sections. */
function fieldSections(fields: readonly Field[], links: SlackLinks, text?: Text): object[] {
  const sections: object[] = [];
  for (let i = 0; i < Math.max(fields.length, 1); i += 10) {
    const chunk = fields.slice(i, i + 10).map((field) => fieldText(field, links));
    const lead =
      i === 0 && text !== undefined ? { text: { type: "mrkdwn", text: cut(mrkdwn(text, links), 3000) } } : {};
    if (chunk.length === 0 && !("text" in lead)) continue;
    sections.push({ type: "section", ...lead, ...(chunk.length > 0 ? { fields: chunk } : {}) });
  }
  return sections;
}

function renderBlock(block: Block, links: SlackLinks): object[] {
  switch (block.type) {
    case "heading":
      return [{ type: "header", text: { type: "plain_text", text: cut(block.text, 150) } }];
    case "text":
      return [{ type: "section", text: { type: "mrkdwn", text: cut(mrkdwn(block.text, links), 3000) } }];
    case "section":
      return fieldSections(block.fields, links, block.text);
    case "fields":
      return fieldSections(block.fields, links);
    case "actions":
      return [{ type: "actions", elements: block.buttons.slice(0, 25).map(button) }];
    case "context":
      return [
        { type: "context", elements: [{ type: "mrkdwn", text: cut(mrkdwn(block.text, links), 3000) }] },
      ];
    case "divider":
      return [{ type: "divider" }];
  }
}

/** The fallback `text` shown in notifications: the first heading or text, plain. */
function fallback(message: Message, links: SlackLinks): string {
  for (const block of message.blocks) {
    if (block.type === "heading") return escapeSlack(block.text);
    if (block.type === "text" || block.type === "section") return mrkdwn(block.text, links);
  }
  return "";
}

export interface SlackMessage {
  readonly text: string;
  readonly blocks: object[];
  readonly unfurl_links?: false;
  readonly unfurl_media?: false;
}

/** Block Kit for a message (at most 50 blocks, as Slack allows); no link previews where it asks for none. */
export function renderSlackMessage(message: Message, links: SlackLinks = {}): SlackMessage {
  return {
    text: cut(fallback(message, links), 3000),
    blocks: message.blocks.flatMap((block) => renderBlock(block, links)).slice(0, 50),
    ...(message.noPreviews ? { unfurl_links: false, unfurl_media: false } : {}),
  };
}

/** The body of a slash-command reply or `response_url` post. */
export function renderSlackReply(
  message: Message,
  links: SlackLinks = {},
): SlackMessage & { response_type: "ephemeral" | "in_channel" } {
  return {
    response_type: message.visibility === "ephemeral" ? "ephemeral" : "in_channel",
    ...renderSlackMessage(message, links),
  };
}
