import { actionButton } from "../../core/actions/pack.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Message } from "../../core/message.ts";
import type { Community, Effect } from "../../core/model.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import type { PlannedMeeting } from "../meetings/plan.ts";
import { HOST_CHOICES, rankTopics } from "./choose.ts";
import type { TopicRefreshEffect } from "./refresh-effects.ts";
import type { MeetingTopic, RefreshBacklog } from "./refresh-ports.ts";

/** The button id the host presses to choose one of the offered topics. */
export const CHOOSE_ACTION = "topic.choose";

/** The idempotency key of the offer to one host for one meeting: a second run sends nothing. */
export function offerKey(meetingDay: string, host: string): string {
  return `topics:${meetingDay}:${host}`;
}

/** What a refresh run knows about the meeting it chooses for. */
export interface RefreshInput {
  readonly community: Community;
  readonly t: Translator;
  readonly meeting: PlannedMeeting;
  readonly backlog: RefreshBacklog;
  readonly recentTopicIds: readonly number[];
  /** The choice already made for this meeting (an earlier run), or null. */
  readonly existing: MeetingTopic | null;
  /** Whether the announcement went out: after it the host is offered nothing. */
  readonly announced: boolean;
  readonly now: Date;
}

/**
 * A refresh for one meeting: the rule's choice (only if none was made: the store inserts it or
 * ignores it) and, until the announcement, the offer to the meeting's current host, keyed by host
 * so a new host after a pass or swap gets their own and a repeated run sends nothing.
 */
export function refreshEffects(input: RefreshInput): Effect[] {
  const { meeting, backlog } = input;
  let current = input.existing;
  const effects: Effect[] = [];
  if (!current) {
    const ranked = rankTopics(backlog.topics, backlog.votes, input.now, {
      halfLifeDays: backlog.halfLifeDays,
      recentTopicIds: input.recentTopicIds,
    }).slice(0, HOST_CHOICES);
    const [top] = ranked;
    if (!top) return [];
    const titles = new Map(backlog.topics.map((topic) => [topic.id, topic.title]));
    const decide: TopicRefreshEffect = {
      type: "topic.decide",
      meetingDay: meeting.scheduledDay,
      topicId: top.id,
      source: top.pinned ? "pinned" : "rule",
      candidates: ranked.map((r) => r.id),
    };
    effects.push(decide);
    current = {
      meetingDay: meeting.scheduledDay,
      topicId: top.id,
      title: titles.get(top.id) ?? "",
      source: decide.source,
      candidates: ranked.map((r) => ({ id: r.id, title: titles.get(r.id) ?? "" })),
      chosenBy: null,
    };
  }
  if (meeting.host && current.chosenBy === null && !input.announced && meeting.startsAt > input.now) {
    const draft: OutboxDraft = {
      kind: "dm",
      key: offerKey(meeting.scheduledDay, meeting.host),
      userId: meeting.host,
      message: offerMessage(input.community, input.t, meeting, current),
      expiresAt: meeting.startsAt,
    };
    effects.push({ type: "outbox.send", draft });
  }
  return effects;
}

/** The host's private message: the top candidates with a button each, or the pinned/only topic. */
export function offerMessage(
  community: Community,
  t: Translator,
  meeting: PlannedMeeting,
  topic: MeetingTopic,
): Message {
  const when = formatMeetingTime(meeting.startsAt, t.locale, community.timezone);
  const title = topic.title;
  if (topic.source === "pinned" || topic.candidates.length < 2) {
    const key = topic.source === "pinned" ? "topicRefresh.pinned" : "topicRefresh.only";
    return { visibility: "public", blocks: [{ type: "text", text: t(key, { when, title }) }] };
  }
  const blocks: Block[] = [
    { type: "heading", text: t("topicRefresh.offer.title") },
    { type: "text", text: t("topicRefresh.offer.intro", { when }) },
    { type: "text", text: topic.candidates.map((c, i) => `${i + 1}. ${c.title}`).join("\n") },
    {
      type: "actions",
      buttons: topic.candidates.map((c, i) =>
        actionButton(
          community,
          CHOOSE_ACTION,
          `${i + 1}. ${shorten(c.title, 60)}`,
          [meeting.scheduledDay, String(c.id)],
          i === 0 ? "primary" : undefined,
        ),
      ),
    },
    { type: "context", text: t("topicRefresh.offer.deadline", { title }) },
  ];
  return { visibility: "public", blocks };
}

/** A button label fits Slack's 75 and Discord's 80 characters. */
function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
