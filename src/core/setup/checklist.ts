import { formatTime } from "../../features/meetings/parse.ts";
import { actionButton } from "../actions/pack.ts";
import type { ActionContext } from "../actions/types.ts";
import { weekdayOf } from "../calendar.ts";
import type { Translator } from "../i18n/index.ts";
import type { Block, Message, Text } from "../message.ts";
import { ephemeral } from "../message.ts";
import type { Community } from "../model.ts";
import type { PlannedRun } from "./ports.ts";
import { readSetupState, type SetupState } from "./state.ts";

/** How many of the scheduler's next runs the checklist names. */
export const NEXT_COUNT = 3;

const shortFormats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\n${zone}\n${JSON.stringify(options)}`;
  let f = shortFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeZone: zone, ...options });
    shortFormats.set(key, f);
  }
  return f;
}

/** "Saturday 27 Feb, 09:00 GMT+7", "Sabtu, 27 Feb, 09.00 WIB": when a run happens, in the community's zone. */
export function formatWhen(at: Date, locale: string, zone: string): string {
  return format(locale, zone, {
    weekday: "long",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(at);
}

/** "Tuesday 2 Mar", "Selasa, 2 Mar": a meeting named by its scheduled local day. */
function formatDay(day: string, locale: string): string {
  return format(locale, "UTC", { weekday: "long", day: "numeric", month: "short" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** What a planned run will do, in words: the job kind and its period say it. */
export function describeRun(run: PlannedRun, t: Translator): string {
  // Meeting jobs' periods start with the meeting's scheduled day.
  const day = () => formatDay(run.period.slice(0, 10), t.locale);
  switch (run.job) {
    case "meeting-announce":
      return t("setup.next.announce", { day: day() });
    case "meeting-remind":
      return t(run.period.endsWith(":1h") ? "setup.next.remind1h" : "setup.next.remind24h", { day: day() });
    case "weekly-digest":
      return t("setup.next.digest");
    default:
      return t("setup.next.other", { job: run.job });
  }
}

function settingLines(community: Community, state: SetupState, t: Translator, prefix: string): Text[] {
  const usage = (words: string) => `${prefix} ${words}`;
  const series = state.series;
  const weekday = series
    ? format(t.locale, "UTC", { weekday: "long" }).format(
        new Date(Date.UTC(2024, 0, weekdayOf(series.firstDay))),
      )
    : "";
  return [
    t("setup.check.language", { language: t(`language.${community.locale}`) }),
    state.timezoneSet
      ? t("setup.check.timezone", { zone: community.timezone })
      : t("setup.check.timezoneMissing", { usage: usage(`timezone ${t("example.timezone")}`) }),
    state.mainChannelId
      ? t.rich("setup.check.channel", { channel: { channel: state.mainChannelId } })
      : t("setup.check.channelMissing", {
          usage: usage(`onboarding channel ${t("example.channelPlaceholder")}`),
        }),
    series
      ? t("setup.check.meeting", {
          cadence: t(`meeting.cadence.${series.cadence}`),
          weekday,
          // Indonesian writes 19.00 (as Intl does for the meeting times).
          time:
            t.locale === "id"
              ? formatTime(series.startMinute).replace(":", ".")
              : formatTime(series.startMinute),
        })
      : t("setup.check.meetingMissing", { usage: usage(`meeting schedule ${t("example.schedule")}`) }),
    series?.link
      ? t("setup.check.link", { link: series.link })
      : t("setup.check.linkMissing", { usage: usage("meeting link https://…") }),
    state.conductText
      ? t("setup.check.conduct")
      : t("setup.check.conductMissing", { usage: usage("onboarding conduct …") }),
    state.holidays > 0
      ? t("setup.check.holidays", { count: String(state.holidays) })
      : t("setup.check.holidaysMissing", { usage: usage("holiday import ID 2027") }),
    state.rotationMembers > 0
      ? t("setup.check.rotation", { count: String(state.rotationMembers) })
      : t("setup.check.rotationMissing", { usage: usage(`rotation add ${t("example.memberPlaceholder")}`) }),
    state.digestOn ? t("setup.check.digest") : t("setup.check.digestMissing", { usage: usage("digest on") }),
    state.reportChannelId
      ? t.rich("setup.check.reports", { channel: { channel: state.reportChannelId } })
      : t("setup.check.reportsMissing", {
          usage: usage(`report channel ${t("example.reportsChannel")}`),
        }),
    ...activityLines(state, t),
  ];
}

/** Why check-ins are off when guyub cannot see everyone's activity, and what fixes each place. */
function activityLines(state: SetupState, t: Translator): Text[] {
  if (state.unreadChannels.length === 0) return [];
  return [
    t("setup.check.activityUnread"),
    ...state.unreadChannels.map((u) =>
      t.rich(`nudge.unread.${u.problem}`, { channel: { channel: u.channelId } }),
    ),
  ];
}

/**
 * The private checklist: each setting set or missing (with the command that sets it alone), and
 * the next things guyub will do, from the scheduler's own plan (`ctx.upcoming`). `community` and
 * `t` are the ones just saved when a submit changed the language or zone.
 */
export async function setupChecklist(
  ctx: Pick<ActionContext, "store" | "now" | "syntax" | "upcoming">,
  community: Community,
  t: Translator,
  options: { readonly lead?: string; readonly button: boolean },
): Promise<Message> {
  const state = await readSetupState({ community, store: ctx.store });
  const runs = ctx.upcoming ? await ctx.upcoming.next(community.id, ctx.now, NEXT_COUNT) : [];
  const blocks: Block[] = [];
  if (options.lead) blocks.push({ type: "text", text: options.lead });
  blocks.push({ type: "heading", text: t("setup.checklist") });
  for (const line of settingLines(community, state, t, ctx.syntax.moderatorPrefix))
    blocks.push({ type: "text", text: line });
  blocks.push({ type: "text", text: t("setup.next") });
  if (runs.length === 0) blocks.push({ type: "context", text: t("setup.next.none") });
  for (const run of runs)
    blocks.push({
      type: "text",
      text: t("setup.next.item", {
        when: formatWhen(run.at, t.locale, community.timezone),
        what: describeRun(run, t),
      }),
    });
  blocks.push({ type: "context", text: t("setup.rerun", { usage: `${ctx.syntax.moderatorPrefix} setup` }) });
  if (options.button)
    blocks.push({
      type: "actions",
      buttons: [actionButton(community, "setup.open", t("setup.open"), [], "primary")],
    });
  return ephemeral(...blocks);
}
