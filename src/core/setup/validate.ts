import { DEFAULT_MEETING_MINUTES, newSeries } from "../../features/meetings/new-series.ts";
import { canonicalTimeZone, parseLink, parseTime, parseWeekday } from "../../features/meetings/parse.ts";
import { CADENCES, type Cadence } from "../../features/meetings/schedule.ts";
import { CONDUCT_MAX_LENGTH } from "../../features/membership/onboarding.ts";
import type { FieldErrors, FormValues } from "../actions/types.ts";
import { weekdayOf } from "../calendar.ts";
import type { Translator } from "../i18n/index.ts";
import { LOCALES, type Locale } from "../i18n/index.ts";
import type { Community, Effect } from "../model.ts";
import type { SetupState } from "./state.ts";

const text = (values: FormValues, id: string): string => {
  const value = values[id];
  return (typeof value === "string" ? value : (value?.[0] ?? "")).trim();
};

/**
 * Checks a whole setup submission with the rules of the single-setting commands (`isTimeZone`,
 * `parseWeekday`, `parseTime`, `parseLink`, the conduct's length) and returns either every field
 * error or the effects that apply it, one `store.apply` batch: nothing is half-saved. Unchanged
 * settings produce no effect (a series rescheduled would drop its cancelled and moved days).
 */
export function checkSetup(
  community: Community,
  state: SetupState,
  values: FormValues,
  t: Translator,
  now: Date,
): FieldErrors | { readonly effects: Effect[] } {
  const errors: Record<string, string> = {};
  const effects: Effect[] = [];

  const locale = text(values, "language");
  if (!(LOCALES as readonly string[]).includes(locale)) errors.language = t("setup.error.language");
  else if (locale !== community.locale) effects.push({ type: "community.locale", locale: locale as Locale });

  const zoneText = text(values, "timezone");
  const zone = canonicalTimeZone(zoneText);
  if (zone === null)
    errors.timezone = zoneText ? t("timezone.bad", { zone: zoneText }) : t("setup.error.timezoneEmpty");
  else if (zone !== community.timezone || !state.timezoneSet)
    effects.push({ type: "community.timezone", timezone: zone });

  const channel = text(values, "channel");
  if (!channel) errors.channel = t("setup.error.channel");
  else if (channel !== state.mainChannelId)
    effects.push({ type: "community.mainChannel", channelId: channel });

  const conduct = text(values, "conduct");
  if ([...conduct].length > CONDUCT_MAX_LENGTH)
    errors.conduct = t("setup.error.conduct", { max: String(CONDUCT_MAX_LENGTH) });
  else if ((conduct || null) !== state.conductText)
    effects.push({ type: "onboarding.settings", conductText: conduct || null });

  // Optional: left empty, reports keep going where they go (the moderators' channel, or by DM).
  const reportChannel = text(values, "reportChannel");
  if (reportChannel && reportChannel !== state.reportChannelId)
    effects.push({ type: "reports.channel", channelId: reportChannel });

  const meeting = checkMeeting(values, t);
  if ("errors" in meeting) Object.assign(errors, meeting.errors);
  else if (meeting.choice && zone !== null) effects.push(...seriesEffects(state, meeting.choice, zone, now));

  return Object.keys(errors).length > 0 ? { errors } : { effects };
}

interface MeetingChoice {
  readonly cadence: Cadence;
  readonly weekday: number;
  readonly startMinute: number;
  readonly link: string | null;
}

/** Cadence, weekday and time together, or none of them (no series yet); the link is optional. */
function checkMeeting(
  values: FormValues,
  t: Translator,
): FieldErrors | { readonly choice: MeetingChoice | null } {
  const [cadence, weekdayText, timeText, linkText] = ["cadence", "weekday", "time", "link"].map((id) =>
    text(values, id),
  ) as [string, string, string, string];
  if (!cadence && !weekdayText && !timeText && !linkText) return { choice: null };
  const errors: Record<string, string> = {};
  if (!(CADENCES as readonly string[]).includes(cadence)) errors.cadence = t("setup.error.cadence");
  const weekday = parseWeekday(weekdayText);
  if (weekday === null)
    errors.weekday = weekdayText ? t("meeting.badWeekday", { value: weekdayText }) : t("setup.error.weekday");
  const startMinute = parseTime(timeText);
  if (startMinute === null)
    errors.time = timeText ? t("meeting.badTime", { value: timeText }) : t("setup.error.timeEmpty");
  const link = linkText ? parseLink(linkText) : null;
  if (linkText && link === null) errors.link = t("meeting.badLink", { value: linkText });
  if (Object.keys(errors).length > 0 || weekday === null || startMinute === null) return { errors };
  return { choice: { cadence: cadence as Cadence, weekday, startMinute, link } };
}

/** A new series only when cadence, weekday or time changed; a new link alone is `meeting.link`. */
function seriesEffects(state: SetupState, choice: MeetingChoice, zone: string, now: Date): Effect[] {
  const old = state.series;
  const same =
    old !== null &&
    old.cadence === choice.cadence &&
    weekdayOf(old.firstDay) === choice.weekday &&
    old.startMinute === choice.startMinute;
  if (!same) {
    const minutes = old?.minutes ?? DEFAULT_MEETING_MINUTES;
    return [{ type: "meeting.schedule", series: newSeries(now, zone, { ...choice, minutes }) }];
  }
  // An emptied link keeps the stored one: no command removes a link, and neither does setup.
  return choice.link && choice.link !== old.link ? [{ type: "meeting.link", link: choice.link }] : [];
}
