-- guyub: member activity beyond commands, and kind nudges for members who went quiet (issue 9).
-- Activity stays `members.last_active_on` (a local day: repeated activity on one day writes
-- nothing); "just reading" is `members.nudges_opt_out` (0001), a nudge preference, not a status.

-- One row per community that changed a nudge setting; no row means the defaults below.
CREATE TABLE nudge_settings (
  community_id INTEGER PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
  quiet_days INTEGER NOT NULL DEFAULT 21 CHECK (quiet_days BETWEEN 7 AND 365),
  cooldown_days INTEGER NOT NULL DEFAULT 30 CHECK (cooldown_days BETWEEN 7 AND 365),
  per_day INTEGER NOT NULL DEFAULT 50 CHECK (per_day BETWEEN 1 AND 500),
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  updated_at TEXT NOT NULL
);

-- A member's nudge state, only for members who were nudged or snoozed (most never are): the
-- daily scan looks it up by primary key for its few candidates instead of widening `members`.
CREATE TABLE member_nudges (
  member_id INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  snoozed_until TEXT,                    -- local day: not nudged before it
  last_nudged_at TEXT,                   -- UTC ISO: the cooldown counts from here
  updated_at TEXT NOT NULL
);

-- The inactivity scan: active members who take nudges, by the day their quiet time started
-- (the later of their last active day and the day guyub first stored them, so nobody is "quiet"
-- on the day guyub arrives). The nudge job reads it in order and stops after the day's cap.
CREATE INDEX members_quiet ON members (
  community_id,
  max(coalesce(last_active_on, ''), substr(created_at, 1, 10))
) WHERE status = 'active' AND nudges_opt_out = 0;

-- Discord channels whose messages count as activity, with the newest message id read so far
-- (a cursor per channel: a run resumes where the last page it saved ended). No content is kept.
CREATE TABLE activity_channels (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL,
  last_message_id TEXT,                  -- NULL: not read yet (the first read starts a day back)
  last_error TEXT,                       -- why the last read failed (no access, …)
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, channel_id)
);
