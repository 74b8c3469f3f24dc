import { defineCommand } from "../../../core/commands/define.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { type Block, ephemeral, type Inline } from "../../../core/message.ts";
import { HORIZON } from "../../rotation/turns.ts";
import type { LedgerEntry } from "../../rotation/types.ts";
import { rsvpButtons } from "../announcement.ts";
import { committedHost } from "../closing.ts";
import { formatMeetingTime } from "../format.ts";
import { holidaySkips } from "../holiday-skips.ts";
import { formatDayName } from "../holidays.ts";
import type { PlannedMeeting } from "../plan.ts";
import { readPlan } from "../plan-read.ts";

/**
 * The next `count` meetings with their hosts, or the reply that says there are none. Planned over
 * the rotation's horizon, as every other flow plans, so a command names the host the
 * announcement will; the rotation is read for those meetings only (the fairest candidates).
 */
async function planned<T = undefined>(
  ctx: CommandContext,
  count: number,
  alongside?: (days: readonly string[]) => Promise<T>,
) {
  const read = await readPlan(ctx, HORIZON, alongside ? { alongside } : {});
  const { calendar, book, meetings: plan } = read;
  const meetings = plan?.slice(0, count);
  const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });
  if (meetings === undefined)
    return { none: say(ctx.t("meeting.none", { usage: `${ctx.syntax.moderatorPrefix} meeting schedule` })) };
  return {
    meetings,
    calendar,
    alongside: read.alongside,
    ledger: book.state.ledger,
    none: meetings.length === 0 ? say(ctx.t("meeting.noneAhead")) : null,
  };
}

/**
 * The next meeting with its host: once committed (announced, passed, swapped, taken), its day's
 * ledger entries name the host, even one the plan would now pass over; before that, the rotation
 * plans it, and the reply says the host is planned.
 */
async function nextPlanned<T = undefined>(
  ctx: CommandContext,
  alongside?: (days: readonly string[]) => Promise<T>,
) {
  const plan = await planned(ctx, 1, alongside);
  const next = plan.meetings?.[0];
  // The view holds every entry of the planned days: this day's are all there.
  const host = next && plan.ledger ? committedHost(plan.ledger, next.scheduledDay) : null;
  if (next && host !== null) return { ...plan, meetings: [{ ...next, host, committed: true }] };
  return plan;
}

function describe(ctx: CommandContext, meeting: PlannedMeeting): string {
  const when = formatMeetingTime(meeting.startsAt, ctx.t.locale, ctx.community.timezone);
  return meeting.moved ? `${when} ${ctx.t("meeting.moved")}` : when;
}

/** "Host: @ayu", or "Host: @ayu (planned)" while the rotation's choice is not committed yet. */
function hostLine(ctx: CommandContext, meeting: PlannedMeeting & { host: string }): Inline[] {
  const key = meeting.committed ? "meeting.host" : "meeting.hostPlanned";
  return ctx.t.rich(key, { host: { user: meeting.host } });
}

/**
 * `/cop meeting next`: day and time in the community's language and zone, the host, the link,
 * the member's own answer and the RSVP buttons with their counts.
 */
export const meetingNext = defineCommand({
  path: ["meeting", "next"],
  summary: "cmd.meeting.next",
  options: {},
  moderator: false,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    // The topic and the RSVPs of the first coming day are read while the rotation is: the day
    // the plan names first is that day (same calendar, same moment), checked below all the same.
    const aboutDay = (day: string) =>
      Promise.all([
        ctx.store.topicRefresh.meetingTopic(ctx.community.id, day),
        ctx.store.meetings.rsvps(ctx.community.id, day, ctx.member.platformUserId),
      ]).then(([topic, rsvps]) => ({ day, topic, rsvps }));
    const plan = await nextPlanned(ctx, (days) => (days[0] ? aboutDay(days[0]) : Promise.resolve(null)));
    const next = plan.meetings?.[0];
    if (plan.none || !next) return plan.none ?? { message: ephemeral() };
    const about =
      plan.alongside && plan.alongside.day === next.scheduledDay
        ? plan.alongside
        : await aboutDay(next.scheduledDay);
    const blocks: Block[] = [{ type: "text", text: ctx.t("meeting.next", { when: describe(ctx, next) }) }];
    if (next.host) blocks.push({ type: "text", text: hostLine(ctx, { ...next, host: next.host }) });
    const topic = about.topic;
    if (topic) blocks.push({ type: "text", text: ctx.t("topicRefresh.next", { title: topic.title }) });
    if (next.link) blocks.push({ type: "text", text: ctx.t("meeting.link", { link: next.link }) });
    if (next.startsAt > ctx.now) {
      const { counts, mine } = about.rsvps;
      const yours = mine ? ctx.t("rsvp.yours", { answer: ctx.t(`rsvp.answer.${mine}`) }) : ctx.t("rsvp.none");
      blocks.push(
        { type: "context", text: yours },
        rsvpButtons(ctx.community, ctx.t, next.scheduledDay, counts),
      );
    }
    return { message: ephemeral(...blocks) };
  },
});

/** One past meeting as the ledger closed it: held (with its host), skipped for a holiday, cancelled. */
function pastLine(ctx: CommandContext, entry: LedgerEntry): Inline[] {
  const day = formatDayName(entry.meetingDate, ctx.t.locale);
  if (entry.kind === "cancelled") return [ctx.t("meeting.past.cancelled", { day })];
  if (entry.kind === "skipped") return [ctx.t("meeting.past.skipped", { day, reason: entry.reason })];
  if (!entry.memberId) return [ctx.t("meeting.past.held", { day })];
  return ctx.t.rich("meeting.past.hosted", { day, host: { user: entry.memberId } });
}

/** Lines joined by newlines, as one inline text. */
function lines(items: readonly Inline[][]): Inline[] {
  return items.flatMap((line, i) => (i === 0 ? ["• ", ...line] : ["\n• ", ...line]));
}

/** `/cop meeting list`: the next 4 meetings with their hosts, and the last 4 as the ledger has them. */
export const meetingList = defineCommand({
  path: ["meeting", "list"],
  summary: "cmd.meeting.list",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    const [plan, closes] = await Promise.all([
      planned(ctx, 4),
      ctx.store.rotation.closes(ctx.community.id, 4),
    ]);
    if (!plan.meetings) return plan.none;
    const blocks: Block[] = [];
    if (plan.none) blocks.push(...plan.none.message.blocks);
    else {
      const coming = plan.meetings.map((m): [string, Inline[]] => [
        m.localDay,
        m.host ? [describe(ctx, m), " · ", ...hostLine(ctx, { ...m, host: m.host })] : [describe(ctx, m)],
      ]);
      // A week a holiday takes away is said, not silently missing.
      const last = plan.meetings[plan.meetings.length - 1];
      if (plan.calendar.series && last) {
        const series = { ...plan.calendar.series, timezone: ctx.community.timezone };
        for (const skip of holidaySkips(
          series,
          plan.calendar.overrides,
          plan.calendar.holidays,
          ctx.now,
          last.localDay,
        )) {
          const day = formatDayName(skip.scheduledDay, ctx.t.locale);
          const reason = skip.holiday.name ?? ctx.t("meeting.holidayUnnamed");
          coming.push([skip.scheduledDay, [ctx.t("meeting.past.skipped", { day, reason })]]);
        }
        coming.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      }
      blocks.push(
        { type: "heading", text: ctx.t("meeting.listTitle") },
        { type: "text", text: lines(coming.map(([, line]) => line)) },
      );
    }
    if (closes.length > 0)
      blocks.push(
        { type: "heading", text: ctx.t("meeting.listPast") },
        { type: "text", text: lines(closes.map((e) => pastLine(ctx, e))) },
      );
    const link = plan.meetings[0]?.link;
    if (link) blocks.push({ type: "context", text: ctx.t("meeting.link", { link }) });
    return { message: ephemeral(...blocks) };
  },
});
