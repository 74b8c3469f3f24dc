import type { Message, Text } from "../../core/message.ts";

/**
 * How much of each list and member text a digest shows; tighter levels keep it within Discord's
 * 2,000 characters. The features' sections get the level and `list`, and cap their own text by
 * level (a feature's own `digest.ts`).
 */
export interface Caps {
  /** Entries of a list shown (meetings held, archived topics, the features' lists), then "and N more". */
  readonly list: number;
  readonly notes: number;
  readonly title: number;
}
export const LEVELS: readonly Caps[] = [
  { list: 10, notes: 500, title: 150 },
  { list: 5, notes: 200, title: 70 },
  { list: 3, notes: 100, title: 50 },
  { list: 1, notes: 60, title: 40 },
];
/** Discord's message limit, less room for escaping we did not count. */
export const BUDGET = 1900;

/** Characters a message may take on the widest renderer: markdown-special characters may be escaped. */
export function estimate(message: Message): number {
  const text = (value: Text): number =>
    typeof value === "string"
      ? value.length + (value.match(/[\\*_~`|<>#[\]()-]/g)?.length ?? 0)
      : value.reduce<number>((sum, piece) => {
          if (typeof piece === "string") return sum + text(piece);
          if ("user" in piece) return sum + 24;
          if ("bold" in piece) return sum + text(piece.bold) + 4;
          // A message link: the label and the permalink around it (three ids on Discord).
          if ("message" in piece) return sum + text(piece.label) + 100;
          return sum + 24;
        }, 0);
  return message.blocks.reduce((sum, block) => {
    if (block.type === "heading") return sum + text(block.text) + 5;
    if (block.type === "text" || block.type === "context") return sum + text(block.text) + 1;
    if (block.type === "section" || block.type === "fields") {
      const lead = block.type === "section" ? text(block.text) : 0;
      return sum + lead + block.fields.reduce((f, field) => f + text(field.label) + text(field.value) + 8, 1);
    }
    return sum;
  }, 0);
}
