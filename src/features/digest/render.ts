import { actionButton } from "../../core/actions/pack.ts";
import { shortDay, weekRange } from "../../core/digest/dates.ts";
import { andMore, digestList } from "../../core/digest/section.ts";
import { memberMention } from "../../core/former-member.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Field, Inline, Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import type { HolidaySkip } from "../meetings/holiday-skips.ts";
import type { Meeting } from "../meetings/schedule.ts";
import { shorten } from "../topics/fold.ts";
import { BUDGET, type Caps, estimate, LEVELS } from "./fit.ts";
import type { DigestMeetingDay, DigestWeek, DigestWindow } from "./ports.ts";
import { recordLine } from "./records.ts";

/** The next meeting as the digest shows it. */
export interface NextMeeting {
  readonly meeting: Meeting;
  readonly host: string | null;
  /** The host is the rotation's plan, not yet committed in the ledger. */
  readonly planned: boolean;
  /** Meeting days a holiday takes away before it. */
  readonly skipped: readonly HolidaySkip[];
  readonly topic: string | null;
  readonly rsvps: DigestMeetingDay["rsvps"];
}

/** The button id of the topic backlog's "support this topic" action. */
export const TOPIC_VOTE_ACTION = "topic.vote";

/** A rendered digest and the archived topics it names (only those are marked reported). */
export interface RenderedDigest {
  readonly message: Message;
  readonly archivedShown: readonly number[];
}

/**
 * Where the digest's own sections go among the features' (`DigestSection.place`, ascending; the
 * heading always first). A feature's section picks a free place between these (docs/architecture.md).
 */
const PLACE = { next: 20, held: 30, topics: 40, numbers: 60, archived: 70 } as const;

/**
 * The digest's sections, each left out when it has nothing: the next meeting, notes of
 * the meetings held, the top open topics (with support buttons), the week in numbers, the topics
 * archived, and the features' sections (`Feature.digest`) at their places. Member text
 * (notes, topic titles, the features' texts) stays plain strings, so the renderers escape it; `{user}`
 * pieces are the only mentions. The first level of caps whose message fits a Discord message is
 * used, so a busy week shortens its lists instead of being cut.
 */
export function renderDigest(
  t: Translator,
  community: Community,
  window: DigestWindow,
  week: DigestWeek,
  next: NextMeeting | null,
): RenderedDigest {
  let rendered: RenderedDigest | null = null;
  for (const [level, caps] of LEVELS.entries()) {
    rendered = renderWith(caps, level, t, community, window, week, next);
    if (estimate(rendered.message) <= BUDGET) break;
  }
  return rendered as RenderedDigest;
}

function renderWith(
  caps: Caps,
  level: number,
  t: Translator,
  community: Community,
  window: DigestWindow,
  week: DigestWeek,
  next: NextMeeting | null,
): RenderedDigest {
  const placed: { readonly place: number; readonly blocks: readonly Block[] }[] = [];
  const put = (place: number, ...blocks: Block[]) => placed.push({ place, blocks });
  if (next) put(PLACE.next, ...nextMeetingBlocks(t, community, next, caps));
  if (week.held.length > 0) {
    const shown = week.held.slice(0, caps.list);
    const lines = shown.map((h) => recordLine(t, h, caps, level));
    put(PLACE.held, digestList(t("digest.held"), lines, andMore(t, shown.length, week.held.length)));
  }
  if (week.topTopics.length > 0) {
    const lines = week.topTopics.map((topic, i) => [
      t("digest.topics.line", {
        rank: String(i + 1),
        title: shorten(topic.title, caps.title),
        votes: String(topic.votes),
      }),
    ]);
    put(PLACE.topics, digestList(t("digest.topics"), lines), {
      type: "actions",
      buttons: week.topTopics.map((topic, i) =>
        actionButton(community, TOPIC_VOTE_ACTION, t("digest.topics.vote", { rank: String(i + 1) }), [
          String(topic.id),
        ]),
      ),
    });
  }
  for (const section of week.sections) {
    if (!section.empty)
      put(section.place, ...section.render(t, { community, caps: { level, list: caps.list } }));
  }
  const n = week.numbers;
  put(PLACE.numbers, {
    type: "section",
    text: [{ bold: t("digest.numbers") }],
    fields: [
      { label: t("digest.numbers.active"), value: String(n.activeMembers) },
      { label: t("digest.numbers.held"), value: String(n.meetingsHeld) },
      { label: t("digest.numbers.topics"), value: String(n.newTopics) },
    ],
  });
  const archived = week.archived.slice(0, caps.list);
  if (archived.length > 0) {
    put(
      PLACE.archived,
      digestList(
        t("digest.archived"),
        archived.map((a) => [shorten(a.title, caps.title)]),
      ),
    );
  }
  // Stable: sections at one place keep the order they were put in (the features' in `FEATURES` order).
  placed.sort((a, b) => a.place - b.place);
  const blocks: Block[] = [
    { type: "heading", text: t("digest.title", { range: weekRange(t, window) }) },
    ...placed.flatMap((part) => part.blocks),
  ];
  return { message: { visibility: "public", blocks }, archivedShown: archived.map((a) => a.id) };
}

function nextMeetingBlocks(t: Translator, community: Community, next: NextMeeting, caps: Caps): Block[] {
  const fields: Field[] = [
    {
      label: t("digest.next.when"),
      value: formatMeetingTime(next.meeting.startsAt, t.locale, community.timezone),
    },
    { label: t("digest.next.host"), value: hostValue(t, next) },
  ];
  if (next.skipped.length > 0) {
    const days = next.skipped.map(({ scheduledDay, holiday }) =>
      holiday.name
        ? t("digest.next.skippedDay", { day: shortDay(t, scheduledDay), holiday: holiday.name })
        : t("digest.next.skippedUnnamed", { day: shortDay(t, scheduledDay) }),
    );
    fields.unshift({ label: t("digest.next.skipped"), value: days.join(", ") });
  }
  if (next.topic) fields.push({ label: t("digest.next.topic"), value: shorten(next.topic, caps.title) });
  if (next.meeting.link) fields.push({ label: t("digest.next.link"), value: next.meeting.link });
  const { yes, maybe, no } = next.rsvps;
  fields.push({
    label: t("digest.next.rsvps"),
    value: t("digest.next.rsvpCounts", { yes: String(yes), maybe: String(maybe), no: String(no) }),
  });
  return [{ type: "section", text: [{ bold: t("digest.next") }], fields }];
}

/** The host by mention, "(planned)" until the ledger commits them. */
function hostValue(t: Translator, next: NextMeeting): Inline[] | string {
  if (!next.host) return t("digest.next.hostOpen");
  return next.planned
    ? t.rich("digest.next.hostPlanned", { host: memberMention(t, next.host) })
    : [memberMention(t, next.host)];
}
