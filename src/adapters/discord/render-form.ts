import type { ChannelSelect, Form, Select, TextInput, UserSelect } from "../../core/message.ts";

const MODAL = 9;
const LABEL = 18;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const CHANNEL_SELECT = 8;
const USER_SELECT = 5;
/** Discord refuses a select with more than 25 values (min_values, max_values, default_values). */
const SELECT_MAX = 25;
/** Text and announcement channels: the ones guyub can post to. */
const POSTABLE_CHANNELS = [0, 5];
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function textInput(field: TextInput) {
  return {
    type: TEXT_INPUT,
    custom_id: field.id,
    style: field.multiline ? 2 : 1,
    required: field.required ?? false,
    ...(field.maxLength !== undefined ? { max_length: Math.min(field.maxLength, 4000) } : {}),
    ...(field.placeholder ? { placeholder: cut(field.placeholder, 100) } : {}),
    ...(field.initial !== undefined ? { value: field.initial } : {}),
  };
}

function stringSelect(field: Select) {
  const options = field.options.slice(0, 25);
  return {
    type: STRING_SELECT,
    custom_id: field.id,
    required: field.required ?? false,
    min_values: field.required ? 1 : 0,
    max_values: field.multiple ? options.length : 1,
    // Earlier answers come back chosen (`default`), so a reopened form keeps them.
    options: options.map((o) => ({
      label: cut(o.label, 100),
      value: o.value,
      ...(field.initial?.includes(o.value) ? { default: true } : {}),
    })),
  };
}

/** A channel select inside a Label (allowed in modals); submitted as `values: [channel id]`. */
function channelSelect(field: ChannelSelect) {
  return {
    type: CHANNEL_SELECT,
    custom_id: field.id,
    channel_types: POSTABLE_CHANNELS,
    required: field.required ?? false,
    min_values: field.required ? 1 : 0,
    max_values: 1,
    ...(field.initial ? { default_values: [{ id: field.initial, type: "channel" }] } : {}),
  };
}

/**
 * A user select inside a Label; submitted as `values: [user id…]` (with `resolved.users`).
 * `default_values` must fit within `max_values`, or Discord refuses the whole modal.
 */
function userSelect(field: UserSelect) {
  const max = Math.max(1, Math.min(field.max, SELECT_MAX));
  const initial = (field.initial ?? []).slice(0, max);
  return {
    type: USER_SELECT,
    custom_id: field.id,
    required: field.required ?? false,
    min_values: field.required ? 1 : 0,
    max_values: max,
    ...(initial.length > 0 ? { default_values: initial.map((id) => ({ id, type: "user" })) } : {}),
  };
}

function component(field: Form["fields"][number]) {
  if (field.kind === "text") return textInput(field);
  if (field.kind === "users") return userSelect(field);
  return field.kind === "channel" ? channelSelect(field) : stringSelect(field);
}

/**
 * A neutral form as a Discord modal response (type 9). Each field is wrapped in a Label
 * component; Discord allows at most 5, so longer forms must be split by the caller.
 */
export function renderDiscordModal(form: Form) {
  if (form.fields.length > 5)
    throw new Error(`form ${form.id} has ${form.fields.length} fields; Discord allows 5`);
  return {
    type: MODAL,
    data: {
      custom_id: form.id,
      title: cut(form.title, 45),
      components: form.fields.map((field) => ({
        type: LABEL,
        label: cut(field.label, 45),
        ...(field.kind === "users" && field.hint ? { description: cut(field.hint, 100) } : {}),
        component: component(field),
      })),
    },
  };
}
