import type { FormValues } from "../actions/types.ts";
import type { Translator } from "../i18n/index.ts";
import type { ChannelSelect, Form, Select, TextInput, UserSelect } from "../message.ts";

/** One question of a form: any of its fields. */
export type Question = Form["fields"][number];
export type Answer = FormValues[string];

/** The value a field holds when the form opens (the stored setting, an earlier answer): a modal would submit it. */
export function initialValue(field: Question): Answer {
  switch (field.kind) {
    case "text":
      return field.initial ?? "";
    case "select":
    case "users":
      return field.initial ?? [];
    case "channel":
      return field.initial ? [field.initial] : [];
  }
}

/** Every field's opening value: a conversation starts from what the modal would show. */
export function initialValues(form: Form): FormValues {
  return Object.fromEntries(form.fields.map((field) => [field.id, initialValue(field)]));
}

/** No answer: blank text, or no choice (a select's opening `[""]` included). */
export const isEmpty = (value: Answer | undefined) =>
  value === undefined || (typeof value === "string" ? value : value.join("")).trim() === "";

/**
 * A typed answer read as the field's value, the way the platform's own control would hand it in:
 * text as typed (at most `maxLength`, which a dialog enforces as one types), choices by their
 * number or label, channels and people as the mentions the adapter put in the neutral text
 * (`<#id>`, `<@id>`) or bare ids. A wrong shape is a reason, in the community's language.
 */
export function readAnswer(
  field: Question,
  typed: string,
  t: Translator,
): { value: Answer } | { error: string } {
  const text = typed.trim();
  switch (field.kind) {
    case "text":
      return readText(field, text, t);
    case "select":
      return readChoices(field, text, t);
    case "channel":
      return readChannel(field, text, t);
    case "users":
      return readPeople(field, text, t);
  }
}

function readText(field: TextInput, text: string, t: Translator) {
  const length = [...text].length;
  if (field.maxLength !== undefined && length > field.maxLength)
    return { error: t("conversation.tooLong", { max: String(field.maxLength), length: String(length) }) };
  return { value: text };
}

/** The option a word names: its number in the list (1-based), its label or its value. */
export function optionOf(field: Select, word: string): Select["options"][number] | undefined {
  const n = /^\d{1,3}$/.test(word) ? Number(word) : Number.NaN;
  if (n >= 1 && n <= field.options.length) return field.options[n - 1];
  const lower = word.toLocaleLowerCase();
  return field.options.find((o) => o.label.toLocaleLowerCase() === lower || o.value.toLowerCase() === lower);
}

function readChoices(field: Select, text: string, t: Translator) {
  if (text === "") return { value: [] };
  const words = field.multiple
    ? text
        .split(/[,;\n]+/)
        .map((w) => w.trim())
        .filter(Boolean)
    : [text];
  const values: string[] = [];
  for (const word of words) {
    const option = optionOf(field, word);
    if (!option) return { error: t("conversation.unknownChoice", { answer: word }) };
    if (!values.includes(option.value)) values.push(option.value);
  }
  return { value: values };
}

/** Ids in the neutral text: mentions `<#id>` / `<@id>` (with an optional `|label`), else bare words. */
function ids(text: string, sigil: "#" | "@"): string[] {
  const mention = new RegExp(`<${sigil}!?([^>|\\s]+)(?:\\|[^>]*)?>`, "g");
  const found = [...text.matchAll(mention)].map((m) => m[1] as string);
  if (found.length > 0 || text === "") return found;
  const words = text.split(/[\s,]+/).filter(Boolean);
  return words.every((w) => /^[A-Za-z0-9_-]{1,64}$/.test(w)) ? words : [];
}

function readChannel(_field: ChannelSelect, text: string, t: Translator) {
  const [id] = ids(text, "#");
  if (text !== "" && id === undefined) return { error: t("conversation.noChannel") };
  return { value: id === undefined ? [] : [id] };
}

function readPeople(field: UserSelect, text: string, t: Translator) {
  const people = [...new Set(ids(text, "@"))];
  if (text !== "" && people.length === 0) return { error: t("conversation.required") };
  if (people.length > field.max) return { error: t("conversation.tooMany", { max: String(field.max) }) };
  return { value: people };
}
