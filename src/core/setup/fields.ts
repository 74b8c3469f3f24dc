import { formatTime } from "../../features/meetings/parse.ts";
import { CADENCES } from "../../features/meetings/schedule.ts";
import { CONDUCT_MAX_LENGTH } from "../../features/membership/onboarding.ts";
import { formId } from "../actions/pack.ts";
import type { FormValues } from "../actions/types.ts";
import { weekdayOf } from "../calendar.ts";
import { LOCALES, type Translator } from "../i18n/index.ts";
import type { Form } from "../message.ts";
import type { Community } from "../model.ts";
import type { SetupState } from "./state.ts";

/** The setup form's ids: Slack's one modal, Discord's two steps, and the first step's held answers. */
export const SETUP_FORM = {
  all: "setup.all",
  basics: "setup.basics",
  meeting: "setup.meeting",
  held: "setup.held",
} as const;

/** Field ids, as submitted values name them. */
// Five at most: a Discord modal holds five fields.
export const BASICS = ["language", "timezone", "channel", "conduct", "reportChannel"] as const;
export const MEETING = ["cadence", "weekday", "time", "link"] as const;

/** Weekdays as the select's values, ISO order; `parseWeekday` reads them like typed words. */
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A weekday's name in the community's language (1 January 2024 was a Monday). */
function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** The stored settings as form values: what the form opens with. */
export function currentValues(community: Community, state: SetupState): FormValues {
  const series = state.series;
  return {
    language: [community.locale],
    timezone: state.timezoneSet ? community.timezone : "",
    channel: state.mainChannelId ? [state.mainChannelId] : [],
    conduct: state.conductText ?? "",
    reportChannel: state.reportChannelId ? [state.reportChannelId] : [],
    cadence: series ? [series.cadence] : [],
    weekday: series ? [WEEKDAYS[weekdayOf(series.firstDay) - 1] ?? "mon"] : [],
    time: series ? formatTime(series.startMinute) : "",
    link: series?.link ?? "",
  };
}

const one = (values: FormValues, id: string): string | undefined => {
  const value = values[id];
  return typeof value === "string" ? value : value?.[0];
};

/**
 * The setup form for one step (`all` on Slack; `basics` then `meeting` on Discord, five fields at
 * most each). Every field is optional to the platform, so an empty answer reaches guyub's own
 * checks and comes back as a field error in the community's language.
 */
export function setupForm(
  community: Community,
  t: Translator,
  step: (typeof SETUP_FORM)[keyof typeof SETUP_FORM],
  values: FormValues,
): Form {
  const all: Form["fields"] = [
    {
      kind: "select",
      id: "language",
      label: t("setup.field.language"),
      options: LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) })),
      initial: [one(values, "language") ?? community.locale],
    },
    {
      kind: "text",
      id: "timezone",
      label: t("setup.field.timezone"),
      maxLength: 64,
      placeholder: "Asia/Jakarta",
      initial: one(values, "timezone") ?? "",
    },
    { kind: "channel", id: "channel", label: t("setup.field.channel"), initial: one(values, "channel") },
    {
      kind: "text",
      id: "conduct",
      label: t("setup.field.conduct"),
      multiline: true,
      maxLength: CONDUCT_MAX_LENGTH,
      placeholder: t("setup.field.conductHint"),
      initial: one(values, "conduct") ?? "",
    },
    {
      kind: "channel",
      id: "reportChannel",
      label: t("setup.field.reportChannel"),
      initial: one(values, "reportChannel"),
    },
    {
      kind: "select",
      id: "cadence",
      label: t("setup.field.cadence"),
      options: CADENCES.map((c) => ({ value: c, label: t(`meeting.cadence.${c}`) })),
      initial: [one(values, "cadence") ?? ""],
    },
    {
      kind: "select",
      id: "weekday",
      label: t("setup.field.weekday"),
      options: WEEKDAYS.map((w, i) => ({ value: w, label: weekdayName(i + 1, t.locale) })),
      initial: [one(values, "weekday") ?? ""],
    },
    {
      kind: "text",
      id: "time",
      label: t("setup.field.time"),
      maxLength: 5,
      placeholder: "19:00",
      initial: one(values, "time") ?? "",
    },
    {
      kind: "text",
      id: "link",
      label: t("setup.field.link"),
      maxLength: 500,
      placeholder: "https://meet.example/cop",
      initial: one(values, "link") ?? "",
    },
  ];
  const ids: readonly string[] =
    step === "setup.basics" ? BASICS : step === "setup.meeting" ? MEETING : [...BASICS, ...MEETING];
  return {
    id: formId(community, step),
    title: t(step === "setup.meeting" ? "setup.title.meeting" : "setup.title"),
    submitLabel: t(step === "setup.basics" ? "setup.continue" : "setup.save"),
    fields: all.filter((field) => ids.includes(field.id)),
  };
}
