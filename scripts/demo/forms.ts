/** A form guyub opened, as the demo sees it on either platform, and how a member fills it. */
import type { FormAnswers } from "./driver.ts";

export interface OpenedField {
  readonly id: string;
  readonly label: string;
  readonly kind: "text" | "select" | "channel" | "users";
  readonly multiple: boolean;
  /** A select's option values. */
  readonly options: readonly string[];
  readonly initial?: string | string[];
}

export interface OpenedForm {
  /** The packed form id (Slack callback_id, Discord custom_id). */
  readonly id: string;
  readonly title: string;
  readonly privateMetadata: string;
  readonly fields: readonly OpenedField[];
}

/** The member's answers, else what the form showed, else a select's first option. */
export function fillForm(form: OpenedForm, answers: FormAnswers): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of form.fields) {
    const value =
      answers[field.id] ?? field.initial ?? (field.kind === "select" ? field.options[0] : undefined);
    if (value !== undefined) values[field.id] = value;
  }
  return values;
}
