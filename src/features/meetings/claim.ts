import type { ActionContext, ActionResult } from "../../core/actions/types.ts";
import type { Inline } from "../../core/message.ts";
import { ephemeral } from "../../core/message.ts";
import { CLAIMED } from "../rotation/assign.ts";
import { headsUpDraft } from "../rotation/heads-up.ts";
import { withEntries } from "../rotation/tally.ts";
import { HORIZON } from "../rotation/turns.ts";
import type { Day, LedgerEntry } from "../rotation/types.ts";
import { announcementUpdate } from "./announcement.ts";
import { committedHost } from "./closing.ts";
import { formatMeetingTime } from "./format.ts";
import { readPlan } from "./plan-read.ts";

const privately = (text: string | Inline[]): ActionResult => ({
  reply: ephemeral({ type: "text", text }),
});

/**
 * "I'll host" on the announcement of a meeting that has no host: the first active member to press
 * takes it (a `volunteered` entry, reason `claimed`, which holds even for a newcomer in their
 * first week or a member who did not opt in: it is their own choice). The announcement is edited
 * in place to name them and they get the host's heads-up; both are written only with the claim,
 * so of two presses at once the second changes nothing and is told who hosts.
 */
export async function claimHost(ctx: ActionContext, day: Day): Promise<ActionResult> {
  const me = ctx.member.platformUserId;
  const { community, store } = ctx;
  const [{ book, meetings }, entries, stored] = await Promise.all([
    readPlan(ctx, HORIZON, { members: [me] }),
    store.meetings.dayLedger(community.id, day),
    store.membership.member(community.id, me),
  ]);
  const meeting = meetings?.find((m) => m.scheduledDay === day);
  if (!meeting || meeting.startsAt <= ctx.now) return privately(ctx.t("claim.closed"));
  const when = formatMeetingTime(meeting.startsAt, ctx.t.locale, community.timezone);
  const answer = (host: string | null): Inline[] | string =>
    host === me
      ? ctx.t("claim.yours", { when })
      : ctx.t.rich("claim.already", { host: { user: host ?? me }, when });
  const host = committedHost(entries, day);
  if (host !== null) return privately(answer(host));
  if (stored?.status !== "active")
    return privately(ctx.t("rotation.notActive", { usage: `${ctx.syntax.prefix} join` }));
  // Active in the community but taken out of the rotation by a moderator: not theirs to take.
  if (book.state.members.find((m) => m.id === me)?.status !== "active")
    return privately(ctx.t("rotation.volunteerExcluded"));
  const entry: LedgerEntry = { kind: "volunteered", meetingDate: day, memberId: me, reason: CLAIMED };
  const after = withEntries(book.state, [entry]);
  const update = await announcementUpdate(ctx, day, { state: after });
  const drafts = update.flatMap((effect) => (effect.type === "outbox.send" ? [effect.draft] : []));
  drafts.push(headsUpDraft(community, ctx.t, { ...meeting, host: me, committed: true }, me));
  return {
    effects: [{ type: "rotation.claim", day, memberId: me, seen: entries.length, drafts }],
    // Read after the batch: whether this press took the meeting or another one came first.
    replyAfter: async () => {
      const now = committedHost(await store.meetings.dayLedger(community.id, day), day);
      const text = now === me ? ctx.t("claim.taken", { when }) : answer(now);
      return ephemeral({ type: "text", text });
    },
  };
}
