import { formId } from "../../core/actions/pack.ts";
import type { FormValues } from "../../core/actions/types.ts";
import type { PlainKey, Translator } from "../../core/i18n/index.ts";
import type { Form, Select, TextInput } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import {
  type AboutAnswers,
  BENEFITS,
  FIELD,
  FREQUENCIES,
  MAX_ANSWER,
  type Profile,
  YES_NO,
} from "./answers.ts";

/** The intro forms: all questions at once (Slack), or Discord's two steps of at most 5 fields. */
export const INTRO_FORM = { all: "intro.profile", about: "intro.about", choices: "intro.choices" } as const;
export type IntroFormId = (typeof INTRO_FORM)[keyof typeof INTRO_FORM];

const text = (value: FormValues[string] | undefined) => (typeof value === "string" ? value : undefined);
const list = (value: FormValues[string] | undefined) =>
  value === undefined ? undefined : typeof value === "string" ? [value] : value;

function textInput(
  t: Translator,
  id: string,
  key: PlainKey,
  placeholder: PlainKey,
  required: boolean,
  initial: FormValues | null,
): TextInput {
  const value = text(initial?.[id]);
  return {
    kind: "text",
    id,
    label: t(key),
    multiline: true,
    required,
    maxLength: MAX_ANSWER,
    placeholder: t(placeholder),
    ...(value !== undefined ? { initial: value } : {}),
  };
}

function select(
  id: string,
  label: string,
  options: Select["options"],
  required: boolean,
  multiple: boolean,
  initial: FormValues | null,
): Select {
  const chosen = list(initial?.[id])?.filter((v) => options.some((o) => o.value === v));
  return {
    kind: "select",
    id,
    label,
    options,
    required,
    multiple,
    ...(chosen?.length ? { initial: chosen } : {}),
  };
}

/** What I do, what I can share, what I need help with (with the note that needs may become topics). */
export function aboutFields(t: Translator, initial: FormValues | null): TextInput[] {
  return [
    textInput(t, FIELD.does, "intro.field.does", "intro.field.does.placeholder", true, initial),
    textInput(t, FIELD.shares, "intro.field.shares", "intro.field.shares.placeholder", true, initial),
    textInput(t, FIELD.needs, "intro.field.needs", "intro.field.needs.placeholder", false, initial),
  ];
}

/** Benefits (any of the six), how often, and the two consents as explicit yes/no choices. */
export function choiceFields(t: Translator, initial: FormValues | null): Select[] {
  const benefits = BENEFITS.map((b) => ({ value: b, label: t(`benefit.${b}`) }));
  const frequencies = FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }));
  const intro = YES_NO.map((v) => ({ value: v, label: t(`consent.intro.${v}`) }));
  const findable = YES_NO.map((v) => ({ value: v, label: t(`consent.findable.${v}`) }));
  return [
    select(FIELD.benefits, t("intro.field.benefits"), benefits, false, true, initial),
    select(FIELD.frequency, t("intro.field.frequency"), frequencies, true, false, initial),
    select(FIELD.intro, t("intro.field.intro"), intro, true, false, initial),
    select(FIELD.findable, t("intro.field.findable"), findable, true, false, initial),
  ];
}

/** One of the intro forms, refilled from `initial` (earlier answers or a submission with errors). */
export function introForm(
  community: Pick<Community, "id">,
  t: Translator,
  form: IntroFormId,
  initial: FormValues | null,
): Form {
  const id = formId(community, form);
  if (form === INTRO_FORM.about) {
    return {
      id,
      title: t("intro.form.step1"),
      submitLabel: t("intro.form.next"),
      fields: aboutFields(t, initial),
    };
  }
  if (form === INTRO_FORM.choices) {
    return {
      id,
      title: t("intro.form.step2"),
      submitLabel: t("intro.form.save"),
      fields: choiceFields(t, initial),
    };
  }
  return {
    id,
    title: t("intro.form.title"),
    submitLabel: t("intro.form.save"),
    fields: [...aboutFields(t, initial), ...choiceFields(t, initial)],
  };
}

/** A saved profile as form values, to refill the form when a member edits it. */
export function profileValues(profile: Profile): FormValues {
  return {
    ...aboutValues(profile),
    [FIELD.benefits]: profile.benefits,
    [FIELD.frequency]: [profile.frequency],
    [FIELD.intro]: [profile.introConsent ? "yes" : "no"],
    [FIELD.findable]: [profile.findable ? "yes" : "no"],
  };
}

/** The free-text answers as form values. */
export function aboutValues(about: AboutAnswers): FormValues {
  return { [FIELD.does]: about.does, [FIELD.shares]: about.shares, [FIELD.needs]: about.needs };
}
