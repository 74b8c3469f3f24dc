import type { ChannelSelect, Form, Select, TextInput, UserSelect } from "../../core/message.ts";

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plain = (text: string, max: number) => ({ type: "plain_text", text: cut(text, max) });

function textElement(field: TextInput) {
  return {
    type: "plain_text_input",
    action_id: field.id,
    multiline: field.multiline ?? false,
    ...(field.maxLength !== undefined ? { max_length: Math.min(field.maxLength, 3000) } : {}),
    ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
    ...(field.initial !== undefined ? { initial_value: field.initial } : {}),
  };
}

function selectElement(field: Select) {
  const options = field.options.slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value }));
  // Earlier answers come back chosen; Slack rejects an initial option that is not among the options.
  const chosen = options.filter((o) => field.initial?.includes(o.value));
  const initial = field.multiple
    ? chosen.length > 0
      ? { initial_options: chosen }
      : {}
    : chosen[0]
      ? { initial_option: chosen[0] }
      : {};
  return {
    type: field.multiple ? "multi_static_select" : "static_select",
    action_id: field.id,
    options,
    ...initial,
  };
}

/** Public and private conversations only (never DMs): guyub posts there. */
function channelElement(field: ChannelSelect) {
  return {
    type: "conversations_select",
    action_id: field.id,
    filter: { include: ["public", "private"], exclude_bot_users: true },
    ...(field.initial ? { initial_conversation: field.initial } : {}),
  };
}

/** People, as many as the field allows (Discord's 25 at most, so both platforms hold the same). */
function usersElement(field: UserSelect) {
  const max = Math.max(1, Math.min(field.max, 25));
  const initial = (field.initial ?? []).slice(0, max);
  return {
    type: "multi_users_select",
    action_id: field.id,
    max_selected_items: max,
    ...(initial.length > 0 ? { initial_users: initial } : {}),
  };
}

function element(field: Form["fields"][number]) {
  if (field.kind === "text") return textElement(field);
  if (field.kind === "users") return usersElement(field);
  return field.kind === "channel" ? channelElement(field) : selectElement(field);
}

/**
 * A neutral form as a Slack modal view (`views.open`). Each field is an input block whose
 * block_id and action_id are the field id, so a view_submission maps straight back to it.
 */
export function renderSlackModal(form: Form, closeLabel: string) {
  return {
    type: "modal",
    callback_id: form.id,
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(closeLabel, 24),
    blocks: form.fields.map((field) => ({
      type: "input",
      block_id: field.id,
      label: plain(field.label, 2000),
      optional: !(field.required ?? false),
      ...(field.kind === "users" && field.hint ? { hint: plain(field.hint, 2000) } : {}),
      element: element(field),
    })),
  };
}
