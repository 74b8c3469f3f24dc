/** Kysely table type for `activity_channels` (migrations/0009_activity_nudges.sql): the channels read for activity. */
export interface ActivityChannelsTable {
  community_id: number;
  channel_id: string;
  last_message_id: string | null;
  last_error: string | null;
  updated_at: string;
}
