-- guyub: membership. Who joined and was welcomed, who left and why, the onboarding settings, and
-- the member-list sync that keeps `members` in step with the Slack workspace or Discord server.

-- Being welcomed is tracked on its own, not by having a row: members present before guyub's
-- first sync have a row and are never welcomed.
ALTER TABLE members ADD COLUMN welcomed_at TEXT;
-- The one follow-up reminder (a welcome N days ago, no introduction, no command since).
ALTER TABLE members ADD COLUMN followed_up_at TEXT;
-- Why an alumnus left: 'self' (/cop leave), 'channel' (left the main channel), 'gone' (no longer
-- in the workspace or server, or deactivated). Only 'gone' is undone by reappearing in a sync:
-- someone who stepped back is still in the workspace and must stay stepped back.
ALTER TABLE members ADD COLUMN left_reason TEXT CHECK (left_reason IN ('self', 'channel', 'gone'));

CREATE INDEX members_by_status ON members (community_id, status, joined_at);
CREATE INDEX members_to_follow_up ON members (community_id, welcomed_at)
  WHERE welcomed_at IS NOT NULL AND followed_up_at IS NULL;

-- Onboarding settings, as columns rather than in `communities.settings` JSON: typed and CHECKed,
-- set by one UPDATE without a read-modify-write of a shared JSON blob, and read by the daily
-- follow-up job in SQL. NULL welcome text means the built-in text in the community's language;
-- NULL conduct means none is shown.
ALTER TABLE communities ADD COLUMN welcome_text TEXT;
ALTER TABLE communities ADD COLUMN conduct_text TEXT;
ALTER TABLE communities ADD COLUMN followup_days INTEGER NOT NULL DEFAULT 7
  CHECK (followup_days BETWEEN 1 AND 60);

-- One row per community: the sync pass in progress (a cursor walk over the platform's member
-- list, one page per D1 batch) and the last complete one. A pass interrupted half-way resumes
-- from `cursor`; each page's writes, its cursor and its counts commit together, so a page is
-- never counted twice.
CREATE TABLE member_sync (
  community_id INTEGER PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
  pass_started_at TEXT,                  -- the pass in progress; NULL when idle
  cursor TEXT,                           -- the platform's cursor for its next page; NULL = first page
  pages INTEGER NOT NULL DEFAULT 0,      -- counts of the pass in progress
  seen INTEGER NOT NULL DEFAULT 0,
  joined INTEGER NOT NULL DEFAULT 0,
  left_count INTEGER NOT NULL DEFAULT 0,
  last_finished_at TEXT,                 -- the last complete pass and its counts
  last_seen INTEGER,
  last_joined INTEGER,
  last_left INTEGER,
  first_completed_at TEXT,               -- before the first full pass, nobody found is welcomed
  next_run_at TEXT,                      -- when the job is next due (a moderator's sync sets it to now)
  last_error TEXT,                       -- why the last run could not read the list (no access, …)
  updated_at TEXT NOT NULL
);

-- The user ids each page of the pass in progress saw (a JSON array per page, not a row per
-- member): at the end of a pass, stored members on none of its pages have left. One row written
-- per page keeps an hourly sync of a large server cheap; cleared when the next pass starts.
CREATE TABLE member_sync_pages (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  user_ids TEXT NOT NULL,
  PRIMARY KEY (community_id, page)
);
