import { localDay } from "../local-time.ts";
import type { Community, Member } from "../model.ts";
import type { ActivityEffect, ActivitySeen } from "./effect.ts";

/** Whether an effect is the activity effect (store.apply hands it to src/db/activity.ts). */
export function isActivityEffect(effect: { readonly type: string }): effect is ActivityEffect {
  return effect.type === "activity.seen";
}

/**
 * The activity effect for a member who just did something, or none when they were already active
 * today: day resolution, so the second press of the day writes nothing (as with commands).
 */
export function activityToday(community: Community, member: Member, now: Date): ActivityEffect[] {
  const day = localDay(now, community.timezone);
  if (member.lastActiveOn !== null && member.lastActiveOn >= day) return [];
  return [{ type: "activity.seen", seen: [{ userId: member.platformUserId, day }] }];
}

/** The latest day per member, so a page of many messages by one author is one entry. */
export function latestDays(seen: Iterable<ActivitySeen>): ActivitySeen[] {
  const days = new Map<string, string>();
  for (const { userId, day } of seen) {
    const known = days.get(userId);
    if (!known || day > known) days.set(userId, day);
  }
  return [...days].map(([userId, day]) => ({ userId, day }));
}
