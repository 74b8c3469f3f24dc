/**
 * Discord modals as the demo sees them: a type-9 response read into the neutral form the members
 * fill, and the filled form as the Label components of a type-5 modal submit.
 */
import type { FormAnswers } from "./driver.ts";
import { fillForm, type OpenedField, type OpenedForm } from "./forms.ts";

type Obj = Record<string, unknown>;

const LABEL = 18;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const CHANNEL_SELECT = 8;
const USER_SELECT = 5;

/** A modal response's `data` (custom_id, title, Label components) as a form to fill. */
export function discordModalForm(data: Obj): OpenedForm {
  const labels = ((data.components ?? []) as Obj[]).filter((c) => c.type === LABEL);
  const fields = labels.map((label): OpenedField => {
    const c = (label.component ?? {}) as Obj;
    const id = String(c.custom_id);
    const text = String(label.label ?? id);
    if (c.type === STRING_SELECT) {
      const options = (c.options ?? []) as Obj[];
      const chosen = options.filter((o) => o.default === true).map((o) => String(o.value));
      const multiple = Number(c.max_values ?? 1) > 1;
      return {
        id,
        label: text,
        kind: "select",
        multiple,
        options: options.map((o) => String(o.value)),
        ...(chosen.length > 0 ? { initial: multiple ? chosen : chosen[0] } : {}),
      };
    }
    if (c.type === USER_SELECT) {
      const chosen = ((c.default_values ?? []) as Obj[]).map((v) => String(v.id));
      return { id, label: text, kind: "users", multiple: true, options: [], initial: chosen };
    }
    if (c.type === CHANNEL_SELECT) {
      const first = ((c.default_values ?? []) as Obj[])[0];
      return {
        id,
        label: text,
        kind: "channel",
        multiple: false,
        options: [],
        ...(first ? { initial: String(first.id) } : {}),
      };
    }
    return {
      id,
      label: text,
      kind: "text",
      multiple: false,
      options: [],
      ...(typeof c.value === "string" ? { initial: c.value } : {}),
    };
  });
  return { id: String(data.custom_id), title: String(data.title ?? ""), privateMetadata: "", fields };
}

/** The `data` of a modal submit: one Label per field, as Discord's client sends it back. */
export function discordSubmitData(form: OpenedForm, answers: FormAnswers): Obj {
  const values = fillForm(form, answers);
  const components = form.fields.map((field, i) => {
    const value = values[field.id];
    const list = value === undefined ? [] : [value].flat();
    const component =
      field.kind === "text"
        ? { type: TEXT_INPUT, id: i * 2 + 2, custom_id: field.id, value: list[0] ?? "" }
        : {
            type:
              field.kind === "channel"
                ? CHANNEL_SELECT
                : field.kind === "users"
                  ? USER_SELECT
                  : STRING_SELECT,
            id: i * 2 + 2,
            custom_id: field.id,
            values: field.multiple ? list : list.slice(0, 1),
          };
    return { type: LABEL, id: i * 2 + 1, component };
  });
  return { custom_id: form.id, components };
}

/** A message's buttons, however deeply nested (action rows, sections' accessories, containers). */
export function discordButtons(components: unknown): { customId: string; label: string }[] {
  if (!Array.isArray(components)) return [];
  return (components as Obj[]).flatMap((c) => {
    if (c.type === 2 && typeof c.custom_id === "string")
      return [{ customId: c.custom_id, label: String(c.label ?? "") }];
    return [...discordButtons(c.components), ...discordButtons(c.accessory ? [c.accessory] : [])];
  });
}
