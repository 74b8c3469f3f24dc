import { actionButton } from "../actions/pack.ts";
import type { Translator } from "../i18n/index.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import type { Meeting } from "../meetings/schedule.ts";
import type { Block, Field, Inline, Message } from "../message.ts";
import type { Community } from "../model.ts";
import type { DigestMeetingDay, DigestWeek, DigestWindow } from "./ports.ts";

/** The next meeting as the digest shows it. */
export interface NextMeeting {
  readonly meeting: Meeting;
  readonly host: string | null;
  readonly topic: string | null;
  readonly rsvps: DigestMeetingDay["rsvps"];
}

/** The button id of the topic backlog's "support this topic" action. */
export const TOPIC_VOTE_ACTION = "topic.vote";

/**
 * The digest's sections, each left out when it has nothing: newcomers, the next meeting, notes of
 * the meetings held, the top open topics (with support buttons), kudos, the week in numbers, the
 * topics archived. Member text (notes, topic titles, kudos reasons) stays plain strings, so the
 * renderers escape it; `{user}` pieces are the only mentions.
 */
export function renderDigest(
  t: Translator,
  community: Community,
  window: DigestWindow,
  week: DigestWeek,
  next: NextMeeting | null,
): Message {
  const blocks: Block[] = [{ type: "heading", text: t("digest.title", { range: weekRange(t, window) }) }];
  if (week.newcomers.total > 0) {
    const names = listOf(week.newcomers.items.map((user) => [{ user }]));
    blocks.push({
      type: "text",
      text: [{ bold: t("digest.newcomers") }, "\n", ...names, ...more(t, week.newcomers)],
    });
  }
  if (next) blocks.push(...nextMeetingBlocks(t, community, next));
  if (week.held.length > 0) {
    const lines = week.held.map((h): Inline[] => [
      ...(h.host
        ? t.rich("digest.held.line", { day: shortDay(t, h.day), host: { user: h.host } })
        : t.rich("digest.held.noHost", { day: shortDay(t, h.day) })),
      h.notes ?? t("digest.held.noNotes"),
    ]);
    blocks.push(section(t("digest.held"), lines));
  }
  if (week.topTopics.length > 0) {
    const lines = week.topTopics.map((topic, i) => [
      t("digest.topics.line", { rank: String(i + 1), title: topic.title, votes: String(topic.votes) }),
    ]);
    blocks.push(section(t("digest.topics"), lines), {
      type: "actions",
      buttons: week.topTopics.map((topic, i) =>
        actionButton(community, TOPIC_VOTE_ACTION, t("digest.topics.vote", { rank: String(i + 1) }), [
          String(topic.id),
        ]),
      ),
    });
  }
  if (week.kudos.total > 0) {
    const lines = week.kudos.items.map((k): Inline[] => [
      ...t.rich("digest.kudos.line", { to: { user: k.to }, from: { user: k.from } }),
      k.reason,
    ]);
    blocks.push(section(t("digest.kudos"), lines, more(t, week.kudos)));
  }
  const n = week.numbers;
  blocks.push({
    type: "section",
    text: [{ bold: t("digest.numbers") }],
    fields: [
      { label: t("digest.numbers.active"), value: String(n.activeMembers) },
      { label: t("digest.numbers.held"), value: String(n.meetingsHeld) },
      { label: t("digest.numbers.topics"), value: String(n.newTopics) },
    ],
  });
  if (week.archived.length > 0) {
    blocks.push(
      section(
        t("digest.archived"),
        week.archived.map((a) => [a.title]),
      ),
    );
  }
  return { visibility: "public", blocks };
}

function nextMeetingBlocks(t: Translator, community: Community, next: NextMeeting): Block[] {
  const fields: Field[] = [
    {
      label: t("digest.next.when"),
      value: formatMeetingTime(next.meeting.startsAt, t.locale, community.timezone),
    },
    { label: t("digest.next.host"), value: next.host ? [{ user: next.host }] : t("digest.next.hostOpen") },
  ];
  if (next.topic) fields.push({ label: t("digest.next.topic"), value: next.topic });
  if (next.meeting.link) fields.push({ label: t("digest.next.link"), value: next.meeting.link });
  const { yes, maybe, no } = next.rsvps;
  fields.push({
    label: t("digest.next.rsvps"),
    value: t("digest.next.rsvpCounts", { yes: String(yes), maybe: String(maybe), no: String(no) }),
  });
  return [{ type: "section", text: [{ bold: t("digest.next") }], fields }];
}

/** A titled text block, one line per entry. */
function section(title: string, lines: readonly Inline[][], tail: Inline[] = []): Block {
  const text: Inline[] = [{ bold: title }];
  for (const line of lines) text.push("\n• ", ...line);
  return { type: "text", text: [...text, ...tail] };
}

function listOf(pieces: readonly Inline[][]): Inline[] {
  return pieces.flatMap((piece, i) => (i === 0 ? piece : [", ", ...piece]));
}

function more(t: Translator, list: { items: readonly unknown[]; total: number }): Inline[] {
  const rest = list.total - list.items.length;
  return rest > 0 ? [t("digest.andMore", { count: String(rest) })] : [];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(t: Translator, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${t.locale}:${withWeekday}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(t.locale === "id" ? "id-ID" : "en-GB", {
      timeZone: "UTC",
      day: "numeric",
      month: "long",
      ...(withWeekday ? { weekday: "long" } : { year: "numeric" }),
    });
    dayFormats.set(key, format);
  }
  return format;
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Tuesday 2 March" / "Selasa, 2 Maret": a local day, read as a plain calendar day. */
function shortDay(t: Translator, day: string): string {
  return dayFormat(t, true).format(utcDay(day));
}

/** "1–7 March 2027" / "1–7 Maret 2027": the seven local days the digest covers. */
function weekRange(t: Translator, window: DigestWindow): string {
  const last = new Date(utcDay(window.toDay).getTime() - 24 * 60 * 60 * 1000);
  return dayFormat(t, false).formatRange(utcDay(window.fromDay), last);
}
