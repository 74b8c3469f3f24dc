/** The last cron tick (migrations/0015_health.sql): one row, id 1. */
export interface HealthCronTickTable {
  id: number;
  scheduled_at: string;
  finished_at: string;
  ok: number;
  /** JSON array of the names of the parts that failed; null when the tick was ok. */
  failed: string | null;
}

/** Each queue's last heartbeat sent and last one back. */
export interface HealthQueueHeartbeatsTable {
  queue: string;
  sent_at: string | null;
  back_sent_at: string | null;
  back_at: string | null;
  round_trip_ms: number | null;
}
