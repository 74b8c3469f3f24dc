-- guyub: the meeting series (one per community), its changed days (cancelled or moved) and the
-- community's holidays. Days are local YYYY-MM-DD in communities.timezone, times minutes since
-- local midnight: a 19:00 meeting stays at 19:00 local across daylight saving changes.

CREATE TABLE meeting_series (
  community_id INTEGER PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
  cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
  first_day TEXT NOT NULL,                                  -- the first meeting; biweekly and monthly count from it
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 600),
  link TEXT,
  updated_at TEXT NOT NULL
);

-- One row per scheduled day that changed; a new schedule deletes them.
CREATE TABLE meeting_overrides (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  day TEXT NOT NULL,                                        -- the day the series put it on
  cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
  to_day TEXT,                                              -- moved: the new day and time
  to_minute INTEGER CHECK (to_minute BETWEEN 0 AND 1439),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, day),
  CHECK (cancelled = 1 OR (to_day IS NOT NULL AND to_minute IS NOT NULL))
);

-- No meeting falls on a holiday. A range is both ends included; one row per start day.
CREATE TABLE holidays (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  start_day TEXT NOT NULL,
  end_day TEXT NOT NULL CHECK (end_day >= start_day),
  name TEXT CHECK (length(name) <= 100),
  created_at TEXT NOT NULL,
  PRIMARY KEY (community_id, start_day)
);
