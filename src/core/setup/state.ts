import type { StoredSeries } from "../../features/meetings/reads.ts";
import type { ActionContext } from "../actions/types.ts";
import type { UnreadChannel } from "../activity/history.ts";

/** The settings `/copmod setup` asks for and its checklist shows, as stored now. */
export interface SetupState {
  readonly timezoneSet: boolean;
  readonly mainChannelId: string | null;
  readonly conductText: string | null;
  readonly series: StoredSeries | null;
  readonly holidays: number;
  /** Members who take turns (counted in SQL, never listed). */
  readonly rotationMembers: number;
  readonly digestOn: boolean;
  readonly nudgesPaused: boolean;
  /** Places whose activity guyub cannot see (privacy mode, a channel it may not read): no check-ins. */
  readonly unreadChannels: readonly UnreadChannel[];
  /** The private moderators' channel for reports; null: reports go to moderators by DM. */
  readonly reportChannelId: string | null;
}

/** One read per feature, in parallel; the community row itself (language, zone) is in `ctx`. */
export async function readSetupState(ctx: Pick<ActionContext, "community" | "store">): Promise<SetupState> {
  const id = ctx.community.id;
  const [onboarding, calendar, settings, rotationMembers, digest, nudges, reports, unread] =
    await Promise.all([
      ctx.store.membership.onboarding(id),
      ctx.store.meetings.calendar(id),
      ctx.store.rotation.settings(id),
      ctx.store.rotation.poolSize(id),
      ctx.store.digest.settings(id),
      ctx.store.nudges.settings(id),
      ctx.store.reports.settings(id),
      ctx.store.nudges.unreadChannels(id),
    ]);
  return {
    timezoneSet: settings.timezoneSet,
    mainChannelId: onboarding.mainChannelId,
    conductText: onboarding.conductText,
    series: calendar.series,
    holidays: calendar.holidays.length,
    rotationMembers,
    digestOn: digest.enabled,
    nudgesPaused: nudges.paused,
    unreadChannels: unread,
    reportChannelId: reports.channelId,
  };
}
