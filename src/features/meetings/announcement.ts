import { actionButton } from "../../core/actions/pack.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Field, Message } from "../../core/message.ts";
import type { Community, Effect } from "../../core/model.ts";
import type { RotationReads } from "../rotation/reads.ts";
import { rotationScope } from "../rotation/scope.ts";
import { HORIZON } from "../rotation/turns.ts";
import type { RotationState } from "../rotation/types.ts";
import type { TopicRefreshReads } from "../topics/refresh-ports.ts";
import { announcementKey } from "./announcement-key.ts";
import { committedHost } from "./closing.ts";
import { formatMeetingTime, zoneNameIsOffset } from "./format.ts";
import { type PlannedMeeting, planMeetings } from "./plan.ts";
import { comingDays } from "./plan-read.ts";
import type { MeetingReads } from "./reads.ts";
import { RSVP_ANSWERS, type RsvpCounts } from "./rsvp.ts";
import { upcomingMeetings } from "./schedule.ts";

export { announcementKey } from "./announcement-key.ts";

/** The button id of an RSVP (arguments: scheduled day, answer). */
export const RSVP_ACTION = "meeting.rsvp";
/** The button id of "I'll host" on a meeting without a host (argument: scheduled day). */
export const CLAIM_ACTION = "meeting.host";

type Where = Pick<Community, "id" | "timezone">;

/**
 * "Selasa, 2 Maret 2027 pukul 19.00 WIB", and "Tuesday, 2 March 2027 at 19:00 GMT+7
 * (Asia/Jakarta)" where the zone's short name is only an offset: the community's zone, named once.
 */
export function meetingWhen(
  community: Where,
  t: Translator,
  meeting: Pick<PlannedMeeting, "startsAt">,
): string {
  const when = formatMeetingTime(meeting.startsAt, t.locale, community.timezone);
  if (!zoneNameIsOffset(meeting.startsAt, t.locale, community.timezone)) return when;
  return t("announce.when", { when, zone: community.timezone });
}

/** Yes / Maybe / No, each with its count as a number ("Yes · 3"); pressing one answers. */
export function rsvpButtons(
  community: Where,
  t: Translator,
  scheduledDay: string,
  counts: RsvpCounts,
): Block {
  return {
    type: "actions",
    buttons: RSVP_ANSWERS.map((answer) =>
      actionButton(
        community,
        RSVP_ACTION,
        t(`rsvp.${answer}`, { count: String(counts[answer]) }),
        [scheduledDay, answer],
        answer === "yes" ? "primary" : undefined,
      ),
    ),
  };
}

/**
 * The announcement posted in the main channel: day and time in the community's zone (named), the
 * host as a mention (the one person it notifies, on purpose), the topic when there is one, the
 * link, and the RSVP buttons with their counts. A meeting nobody hosts yet gets an "I'll host"
 * button: the first member to press it hosts, and this message is edited to name them.
 * `topic` is the topics feature's slot.
 */
export function announcementMessage(
  community: Where,
  t: Translator,
  meeting: PlannedMeeting,
  counts: RsvpCounts,
  topic?: string | null,
): Message {
  const fields: Field[] = [
    { label: t("announce.host"), value: meeting.host ? [{ user: meeting.host }] : t("announce.noHost") },
  ];
  if (topic) fields.push({ label: t("announce.topic"), value: topic });
  if (meeting.link) fields.push({ label: t("announce.link"), value: meeting.link });
  const blocks: Block[] = [
    { type: "heading", text: t("announce.heading") },
    { type: "section", text: meetingWhen(community, t, meeting), fields },
  ];
  if (!meeting.host)
    blocks.push(
      { type: "context", text: t("announce.claimHint") },
      {
        type: "actions",
        buttons: [
          actionButton(community, CLAIM_ACTION, t("claim.button"), [meeting.scheduledDay], "primary"),
        ],
      },
    );
  blocks.push(rsvpButtons(community, t, meeting.scheduledDay, counts), {
    type: "context",
    text: t("announce.footer"),
  });
  return { visibility: "public", blocks };
}

/** The announcement as an outbox post, keyed by the meeting: posted once, pointless once it starts. */
export function announcementDraft(
  community: Where,
  t: Translator,
  meeting: PlannedMeeting,
  counts: RsvpCounts,
  channelId: string,
  topic?: string | null,
): OutboxDraft {
  return {
    kind: "post",
    key: announcementKey(meeting.scheduledDay),
    channelId,
    message: announcementMessage(community, t, meeting, counts, topic),
    expiresAt: meeting.startsAt,
  };
}

/** What `announcementUpdate` reads; a command's or an action's context has it. */
export interface AnnouncementContext {
  readonly community: Community;
  readonly t: Translator;
  readonly now: Date;
  readonly store: {
    readonly meetings: MeetingReads;
    readonly rotation: RotationReads;
    readonly topicRefresh: TopicRefreshReads;
  };
}

/** What the caller already knows after its own change (read otherwise). */
export interface AnnouncementOverride {
  /** The rotation after a pass or swap, so the announcement names the new host. */
  readonly state?: RotationState;
  /** The counts after an RSVP. */
  readonly counts?: RsvpCounts;
  readonly topic?: string | null;
}

/**
 * The effects that edit a meeting's announcement in place (never a second post): an `edit` draft
 * of `announce:<day>` under a fresh key, so the newest pending edit supersedes older ones. None
 * when the meeting was not announced, or is no longer coming up. Used by RSVPs, passes and swaps.
 */
export async function announcementUpdate(
  ctx: AnnouncementContext,
  scheduledDay: string,
  override: AnnouncementOverride = {},
): Promise<Effect[]> {
  const { community, store } = ctx;
  if (!(await store.meetings.announced(community.id, scheduledDay))) return [];
  const [calendar, entries, counts, topic] = await Promise.all([
    store.meetings.calendar(community.id),
    override.state ? null : store.meetings.dayLedger(community.id, scheduledDay),
    override.counts ?? store.meetings.rsvps(community.id, scheduledDay, null).then((r) => r.counts),
    override.topic !== undefined
      ? override.topic
      : store.topicRefresh.meetingTopic(community.id, scheduledDay).then((m) => m?.title ?? null),
  ]);
  // The announcement assigned its host in the ledger: that day's few rows name them (after a pass or
  // swap too). Only a caller with a new rotation state, or a day without a commitment, plans it all.
  const host = entries ? committedHost(entries, scheduledDay) : null;
  let meeting: PlannedMeeting | undefined;
  if (host !== null && calendar.series) {
    const series = { ...calendar.series, timezone: community.timezone };
    const found = upcomingMeetings(series, calendar.overrides, calendar.holidays, ctx.now, HORIZON).find(
      (m) => m.scheduledDay === scheduledDay,
    );
    meeting = found && { ...found, host, committed: true };
  } else {
    const days = comingDays(calendar, community.timezone, ctx.now, HORIZON);
    const state =
      override.state ??
      (await store.rotation.view(community.id, rotationScope(ctx.now, community.timezone, days))).state;
    const plan = planMeetings(calendar, community.timezone, state, ctx.now, HORIZON) ?? [];
    meeting = plan.find((m) => m.scheduledDay === scheduledDay);
    // It went out without a host: until someone is committed (a press of "I'll host", a
    // volunteer), an edit keeps it that way, button included, rather than naming whoever the plan
    // would pick now and who was never told.
    if (meeting && !meeting.committed) meeting = { ...meeting, host: null };
  }
  if (!meeting || meeting.startsAt <= ctx.now) return [];
  const message = announcementMessage(community, ctx.t, meeting, counts, topic);
  const key = `${announcementKey(scheduledDay)}:edit:${ctx.now.getTime()}:${crypto.randomUUID().slice(0, 8)}`;
  return [
    { type: "outbox.send", draft: { kind: "edit", key, editOf: announcementKey(scheduledDay), message } },
  ];
}
