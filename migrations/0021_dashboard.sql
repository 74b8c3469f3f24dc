-- guyub: the moderators' health page (issue 25): a member's activity week by week, and the
-- one-time links and sessions that open the page.

-- One row per member per ISO week (Monday-based, of the day in the community's time zone) in
-- which they were active: written in the same batch as `members.last_active_on`. `active_days`
-- counts distinct days (a later day than `last_day` adds one), so a repeated sighting writes
-- nothing. Exported with the member's data and erased with it.
CREATE TABLE member_activity_weeks (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  week TEXT NOT NULL CHECK (length(week) = 8),              -- 'YYYY-Www'
  active_days INTEGER NOT NULL DEFAULT 1 CHECK (active_days BETWEEN 1 AND 7),
  last_day TEXT NOT NULL,                                   -- local YYYY-MM-DD
  PRIMARY KEY (community_id, week, member_id)
);
CREATE INDEX member_activity_weeks_by_member ON member_activity_weeks (member_id, week);

-- `/copmod dashboard`: a link that works once, for 15 minutes, for one moderator of one
-- community. Only the SHA-256 of the random token is kept (hex), never the token.
CREATE TABLE dashboard_links (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,                                    -- the moderator's platform user id
  expires_at TEXT NOT NULL,
  used_at TEXT,                                             -- set once, by the redeeming POST
  created_at TEXT NOT NULL
);
CREATE INDEX dashboard_links_by_community ON dashboard_links (community_id);

-- The session a redeemed link starts (the cookie holds the random id; only its hash is kept).
CREATE TABLE dashboard_sessions (
  session_hash TEXT PRIMARY KEY CHECK (length(session_hash) = 64),
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX dashboard_sessions_by_community ON dashboard_sessions (community_id);
