/** The outbox key of a meeting's announcement: one per meeting (by its scheduled day), ever. */
export function announcementKey(scheduledDay: string): string {
  return `announce:${scheduledDay}`;
}
