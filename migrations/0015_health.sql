-- guyub: what the health page (GET /) reads about the deployment itself (issue 18). Two small
-- tables of fixed size: the last cron tick (one row) and each queue's last heartbeat (one row a
-- queue). Neither holds member data, nor an error's text (it could quote some).

-- The last cron tick, written at the end of scheduled(): upserted, never appended. A tick that
-- finishes after a later one started (a slow run) does not overwrite the later one's record.
CREATE TABLE health_cron_tick (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scheduled_at TEXT NOT NULL,            -- the scheduled event's time
  finished_at TEXT NOT NULL,             -- when the tick was done, by the Worker's clock
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  failed TEXT                            -- JSON array of the failed parts' names; NULL when ok
);

-- Each tick sends one heartbeat through each queue guyub consumes; the consumer records when it
-- came back. `sent_at` is the last one sent; `back_sent_at`/`back_at` the last one that returned.
-- The page says "not back yet" while sent_at is later than back_sent_at.
CREATE TABLE health_queue_heartbeats (
  queue TEXT PRIMARY KEY,                -- the queue's name in wrangler.toml
  sent_at TEXT,
  back_sent_at TEXT,
  back_at TEXT,
  round_trip_ms INTEGER
);
