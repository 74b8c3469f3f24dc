/**
 * One readable chat line per message the stand-ins accept, for `npm start`: what a member would
 * see, e.g. `[slack #C0GENERAL] guyub: Welcome, @ayu! [Join]`. Block Kit and Discord components
 * are flattened to their text, buttons shown as `[Label]`, the whole line cut to a screen width.
 */
import { slackUser } from "./slack-data.ts";

type Obj = Record<string, unknown>;
const MAX = 200;

/** A long Discord snowflake or Slack ts shortened to its head and tail: `3000…01`. */
export const short = (id: string) => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-2)}` : id);

/** Slack: chat.postMessage / chat.update / chat.postEphemeral answers and response_url posts. */
export function slackLine(method: string, args: Obj, result: Obj = {}): string | undefined {
  const text =
    flatten([...blocksText(args.blocks), ...attachmentsText(args.attachments)]) || slackText(args.text);
  const channel = String(result.channel ?? args.channel ?? "");
  const where = /^[UD]/.test(channel) ? `DM @${userName(`U${channel.slice(1)}`)}` : `#${channel}`;
  if (method === "chat.postMessage") return line(`slack ${where}`, text);
  if (method === "chat.update") return line(`slack ${where} edit ${short(String(args.ts))}`, text);
  if (method === "chat.postEphemeral")
    return line(`slack ${where} to @${userName(String(args.user))} only`, text);
  if (method === "views.open") return line("slack form opened", viewText(args.view));
  if (method !== "response_url") return undefined;
  if (args.delete_original) return line("slack reply", "(deletes the original)");
  const how = args.replace_original ? " replacing" : args.response_type === "in_channel" ? " in channel" : "";
  return line(`slack reply${how}`, text);
}

/** A modal as its title and field labels: `Set up guyub: Language · Time zone · …`. */
function viewText(raw: unknown): string {
  let view = raw as Obj | undefined;
  if (typeof raw === "string") {
    try {
      view = JSON.parse(raw) as Obj;
    } catch {
      return "";
    }
  }
  const title = slackText((view?.title as Obj | undefined)?.text);
  const blocks = Array.isArray(view?.blocks) ? (view.blocks as Obj[]) : [];
  const labels = blocks.map((b) => slackText((b.label as Obj | undefined)?.text)).filter(Boolean);
  return `${title}: ${labels.join(" · ")}`;
}

/** Discord: `target` is e.g. `#1234…56`, `DM 3000…01`, `interaction`; `edit` the edited message id. */
export function discordLine(target: string, body: unknown, edit?: string): string {
  const b = (body ?? {}) as Obj;
  const parts = [discordText(b.content), ...embedsText(b.embeds), ...componentsText(b.components)];
  const only = typeof b.flags === "number" && (b.flags & 64) !== 0 ? " (only you)" : "";
  return line(`discord ${target}${edit ? ` edit ${short(edit)}` : ""}${only}`, flatten(parts));
}

/** The whole text of a Slack message body (blocks, attachments, else `text`), uncut, a line per part. */
export function slackMessageText(args: Obj): string {
  const parts = [...blocksText(args.blocks), ...attachmentsText(args.attachments)].filter(Boolean);
  return parts.length > 0 ? parts.join("\n") : slackText(args.text);
}

/** The whole text of a Discord message body (content, embeds, components), uncut, a line per part. */
export function discordMessageText(body: unknown): string {
  const b = (body ?? {}) as Obj;
  const parts = [discordText(b.content), ...embedsText(b.embeds), ...componentsText(b.components)];
  return parts.filter(Boolean).join("\n");
}

function line(where: string, text: string): string {
  const flat = text.replace(/\s+/g, " ").trim() || "(no text)";
  return `[${where}] guyub: ${flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat}`;
}

const flatten = (parts: string[]) => parts.filter(Boolean).join(" · ");
const userName = (id: string) => String(slackUser(id)?.name ?? id);

/**
 * Slack mrkdwn to plain text: `<@U1>` → `@ayu`, `<#C1|general>` → `#general`, `<url|label>` → `label`,
 * and the three escapes (`&lt;`, `&gt;`, `&amp;`) back to the characters the reader sees.
 */
function slackText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(/<([^>|]+)(?:\|([^>]*))?>/g, (_, target: string, label?: string) => {
      if (target.startsWith("@")) return `@${label ?? userName(target.slice(1))}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      if (target.startsWith("!")) return `@${label ?? target.slice(1).split("^")[0]}`;
      return label ?? target;
    })
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

function blocksText(raw: unknown): string[] {
  let blocks = raw;
  if (typeof raw === "string") {
    try {
      blocks = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block: Obj) => {
    const own = slackText((block.text as Obj | undefined)?.text);
    const fields = Array.isArray(block.fields) ? block.fields.map((f: Obj) => slackText(f.text)) : [];
    const elements = Array.isArray(block.elements) ? block.elements.map(slackElement) : [];
    // A row of buttons (or context pieces) reads as one line.
    if (block.type === "actions" || block.type === "context") return [elements.filter(Boolean).join(" ")];
    const accessory = block.accessory ? [slackElement(block.accessory as Obj)] : [];
    return [own, ...fields, ...elements, ...accessory].filter(Boolean);
  });
}

/** A button as `[Label]`, a select as `[Placeholder ▾]`, context text as itself. */
function slackElement(element: Obj): string {
  const label = slackText((element.text as Obj | undefined)?.text ?? element.text);
  if (element.type === "button") return `[${label}]`;
  if (typeof element.type === "string" && element.type.includes("select"))
    return `[${slackText((element.placeholder as Obj | undefined)?.text) || "choose"} ▾]`;
  if (element.type === "image") return "";
  return label;
}

function attachmentsText(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((a: Obj) => slackText(a.text ?? a.fallback));
}

/**
 * Discord markdown to plain text: `<@123…>` → `@1234…56`, `<#…>` → `#…`, `<@&…>` → `@role`,
 * a masked link `[label](https://…)` → `label`.
 */
function discordText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(/\[((?:\\.|[^\]\\])*)\]\(https?:\/\/[^)\s]+\)/g, (_, label: string) => label)
    .replace(/<@&(\d+)>/g, "@role")
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${short(id)}`)
    .replace(/<#(\d+)>/g, (_, id: string) => `#${short(id)}`);
}

function embedsText(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: Obj) => [
    discordText(e.title),
    discordText(e.description),
    ...(Array.isArray(e.fields)
      ? e.fields.map((f: Obj) => `${discordText(f.name)}: ${discordText(f.value)}`)
      : []),
    discordText((e.footer as Obj | undefined)?.text),
  ]);
}

/** Action rows, buttons, selects and the V2 text/section/container components. */
function componentsText(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: Obj): string[] => {
    if (c.type === 2) return [`[${String(c.label ?? (c.emoji as Obj | undefined)?.name ?? "button")}]`];
    if ([3, 5, 6, 7, 8].includes(Number(c.type))) return [`[${String(c.placeholder ?? "choose")} ▾]`];
    if (c.type === 10) return [discordText(c.content)];
    const nested = [...componentsText(c.components), ...componentsText(c.accessory ? [c.accessory] : [])];
    return nested;
  });
}
