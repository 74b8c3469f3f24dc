import { actionButton } from "../actions/pack.ts";
import type { FormValues } from "../actions/types.ts";
import type { Translator } from "../i18n/index.ts";
import type { Block, Button, Inline, Text } from "../message.ts";
import type { Community } from "../model.ts";
import { type Answer, isEmpty, type Question } from "./fields.ts";

/** The buttons of a conversation: a choice pressed, and "keep", "skip" or "done" (`next`). */
export const CONVERSATION_ACTION = { pick: "form.pick", next: "form.next" } as const;

/** The neutral word that stops a conversation; the adapters register it where commands are listed. */
export const CANCEL_WORD = "cancel";
const CANCEL = new RegExp(`^/?(${CANCEL_WORD}|batal)(@\\S+)?$`, "i");

/** Whether a private message asks to stop: `/cancel` (or `cancel`, or Indonesian `batal`). */
export const isCancel = (text: string) => CANCEL.test(text.trim());

const chosen = (value: Answer | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === "string" ? (value ? [value] : []) : value;

/** What the field holds now, readably: text as it is, choices by label, channels and people as mentions. */
function current(field: Question, value: Answer | undefined): Text | null {
  if (isEmpty(value)) return null;
  switch (field.kind) {
    case "text":
      return typeof value === "string" ? value : null;
    case "select":
      return chosen(value)
        .map((v) => field.options.find((o) => o.value === v)?.label ?? v)
        .join(", ");
    case "channel":
      return chosen(value).map((channel): Inline => ({ channel }));
    case "users":
      return chosen(value).flatMap((user, i): Inline[] => (i === 0 ? [{ user }] : [", ", { user }]));
  }
}

function hint(field: Question, t: Translator): string {
  switch (field.kind) {
    case "text":
      return field.maxLength
        ? t("conversation.textMax", { max: String(field.maxLength) })
        : t("conversation.text");
    case "select":
      return field.multiple
        ? t("conversation.pickMany", { done: t("conversation.done") })
        : t("conversation.pickOne");
    case "channel":
      return t("conversation.channel");
    case "users":
      return t("conversation.users", { max: String(field.max) });
  }
}

/**
 * One question as a neutral message: its number, its label, how to answer, what it holds now,
 * the choices as buttons, and the way forward without typing: "done" for a multiple choice,
 * "keep as it is" when it holds an answer, "skip" when it is optional and empty.
 */
export function questionBlocks(
  community: Pick<Community, "id">,
  t: Translator,
  fields: readonly Question[],
  step: number,
  answers: FormValues,
): Block[] {
  const field = fields[step] as Question;
  const value = answers[field.id];
  const optional = field.required !== true;
  const label = optional ? `${field.label} ${t("conversation.optional")}` : field.label;
  const blocks: Block[] = [
    {
      type: "text",
      text: [
        {
          bold: t("conversation.question", { number: String(step + 1), total: String(fields.length), label }),
        },
      ],
    },
    { type: "context", text: hint(field, t) },
  ];
  const now = field.kind === "select" && field.multiple ? null : current(field, value);
  if (now !== null) {
    // The value may be mentions (pieces), so it goes between the sentence's two halves.
    const [before = "", after = ""] = t("conversation.current", { value: "\u0000" }).split("\u0000");
    const pieces: Inline[] = typeof now === "string" ? [now] : [...now];
    blocks.push({ type: "context", text: [before, ...pieces, after].filter((p) => p !== "") });
  }
  const buttons: Button[] = [];
  if (field.kind === "select") {
    const picked = chosen(value);
    field.options.forEach((option, index) => {
      const mark = field.multiple && picked.includes(option.value) ? "✓ " : "";
      buttons.push(
        actionButton(community, CONVERSATION_ACTION.pick, `${mark}${option.label}`, [
          String(step),
          String(index),
        ]),
      );
    });
  }
  const onward =
    field.kind === "select" && field.multiple
      ? "conversation.done"
      : !isEmpty(value)
        ? "conversation.keep"
        : optional
          ? "conversation.skip"
          : null;
  if (onward)
    buttons.push(actionButton(community, CONVERSATION_ACTION.next, t(onward), [String(step)], "primary"));
  if (buttons.length > 0) blocks.push({ type: "actions", buttons });
  blocks.push({ type: "context", text: t("conversation.cancelHint", { cancel: `/${CANCEL_WORD}` }) });
  return blocks;
}
