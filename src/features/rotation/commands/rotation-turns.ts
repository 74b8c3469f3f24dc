import { daysBetween, parseDay } from "../../../core/calendar.ts";
import { defineCommand } from "../../../core/commands/define.ts";
import { option } from "../../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { localDay } from "../../../core/local-time.ts";
import { ephemeral, type Inline } from "../../../core/message.ts";
import type { Effect } from "../../../core/model.ts";
import { formatDayName } from "../../meetings/holidays.ts";
import { announcementEffects } from "../actions.ts";
import { assignHosts } from "../assign.ts";
import { headsUpDraft } from "../heads-up.ts";
import { applyAway, applyVolunteer } from "../moves.ts";
import { noSeries, passTurn, type TurnOutcome } from "../pass.ts";
import { requestSwap } from "../swap.ts";
import { daysOf, inAnnounceWindow, loadTurns, whenOf } from "../turns.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });
const say = (text: string | Inline[]): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/** A flow's outcome as a command's reply, with the announcement's update when a host changed. */
async function reply(
  ctx: CommandContext,
  outcome: TurnOutcome,
  hostChanged: boolean,
): Promise<CommandResult> {
  if (!outcome.ok) return say(outcome.text);
  const update = hostChanged ? await announcementEffects(ctx, outcome.state, [outcome.day]) : [];
  return { ...say(outcome.text), effects: [...outcome.effects, ...update] };
}

/** `/cop rotation pass`: your next turn goes to the next fair choice; you owe one. */
export const rotationPass = defineCommand({
  path: ["rotation", "pass"],
  summary: "cmd.rotation.pass",
  options: {},
  moderator: false,
  example: {},
  handle: async (ctx) => reply(ctx, await passTurn(ctx), true),
});

/** `/cop rotation swap @member`: asks them, in a DM with Accept and Decline, to take your next turn. */
export const rotationSwap = defineCommand({
  path: ["rotation", "swap"],
  summary: "cmd.rotation.swap",
  options: { member: option.user("arg.member", "arg.member.help") },
  moderator: false,
  example: { member: "@ayu" },
  handle: async (ctx, { member }) => reply(ctx, await requestSwap(ctx, member), false),
});

/** `/cop rotation volunteer`: you opt in and take the next open turn. */
export const rotationVolunteer = defineCommand({
  path: ["rotation", "volunteer"],
  summary: "cmd.rotation.volunteer",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    const me = ctx.member.platformUserId;
    const [view, stored] = await Promise.all([
      loadTurns(ctx),
      ctx.store.membership.member(ctx.community.id, me),
    ]);
    if (stored?.status !== "active")
      return say(ctx.t("rotation.notActive", { usage: `${ctx.syntax.prefix} join` }));
    const self = view.book.state.members.find((m) => m.id === me);
    // Active in the community but not in the rotation: a moderator took them out.
    if (self?.status !== "active") return say(ctx.t("rotation.volunteerExcluded"));
    const effects: Effect[] = [{ type: "rotation.member", userId: me, optedIn: true }];
    if (view.meetings === null) {
      const refused = noSeries(ctx);
      return { ...say(refused.text), effects };
    }
    const state = {
      ...view.book.state,
      members: view.book.state.members.map((m) => (m.id === me ? { ...m, optedIn: true } : m)),
    };
    const { state: after, date } = applyVolunteer(state, me, daysOf(view), ctx.now);
    const meeting = view.meetings.find((m) => m.scheduledDay === date);
    if (date === null || !meeting) return { ...say(ctx.t("rotation.volunteerNoOpen")), effects };
    effects.push({
      type: "rotation.ledger",
      entries: after.ledger.slice(state.ledger.length),
      recordedBy: me,
    });
    if (inAnnounceWindow(view, meeting, ctx.now)) {
      effects.push({
        type: "outbox.send",
        draft: headsUpDraft(ctx.community, ctx.t, { ...meeting, host: me }, me),
      });
      effects.push(...(await announcementEffects(ctx, after, [date])));
    }
    return { ...say(ctx.t("rotation.volunteered", { when: whenOf(ctx, meeting) })), effects };
  },
});

/** The longest away range, in days. */
const MAX_AWAY_DAYS = 366;

/** `/cop rotation away 2027-03-01 2027-03-14`: no turn for you on those days (both included). */
export const rotationAway = defineCommand({
  path: ["rotation", "away"],
  summary: "cmd.rotation.away",
  options: { from: word("arg.from", "arg.from.help", 16), to: word("arg.to", "arg.to.help", 16) },
  moderator: false,
  example: { from: "2027-03-01", to: "2027-03-14" },
  async handle(ctx, args) {
    const from = parseDay(args.from);
    if (!from) return say(ctx.t("meeting.badDate", { value: args.from }));
    const to = parseDay(args.to);
    if (!to) return say(ctx.t("meeting.badDate", { value: args.to }));
    const day = (d: string) => formatDayName(d, ctx.t.locale);
    if (to < from) return say(ctx.t("rotation.awayOrder", { from: day(from), to: day(to) }));
    if (to < localDay(ctx.now, ctx.community.timezone)) return say(ctx.t("rotation.awayPast"));
    if (daysBetween(from, to) >= MAX_AWAY_DAYS) return say(ctx.t("rotation.awayTooLong"));
    const me = ctx.member.platformUserId;
    const away = { memberId: me, from, to };
    const effects: Effect[] = [{ type: "rotation.away", away }];
    const lines: Inline[] = [ctx.t("rotation.awaySet", { from: day(from), to: day(to) })];
    const view = await loadTurns(ctx);
    // The plan moves a turn off the away days by itself; the reply names the turns that moved.
    const after = applyAway(view.book.state, away);
    const hosts = new Map(assignHosts(after, daysOf(view), ctx.now).map((a) => [a.date, a.memberId]));
    for (const meeting of view.meetings ?? []) {
      if (meeting.host !== me || meeting.scheduledDay < from || meeting.scheduledDay > to) continue;
      const host = hosts.get(meeting.scheduledDay) ?? null;
      const when = whenOf(ctx, meeting);
      lines.push(
        "\n",
        ...(host
          ? ctx.t.rich("rotation.awayFreed", { when, member: { user: host } })
          : [ctx.t("rotation.awayFreedNobody", { when })]),
      );
      if (host && inAnnounceWindow(view, meeting, ctx.now)) {
        effects.push({
          type: "outbox.send",
          draft: headsUpDraft(ctx.community, ctx.t, { ...meeting, host }, host),
        });
        effects.push(...(await announcementEffects(ctx, after, [meeting.scheduledDay])));
      }
    }
    return { ...say(lines), effects };
  },
});
