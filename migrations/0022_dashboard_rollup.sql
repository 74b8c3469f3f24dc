-- guyub: the health page's weekly roll-up (issue 25, "weekly roll-ups computed by a job are fine
-- where they are needed for speed"). Counts only, per community per finished ISO week: no member
-- appears here. Written once by the `dashboard-rollup` job (INSERT OR IGNORE: a finished week never
-- changes); the page reads it for finished weeks and computes the current week live, falling back
-- to the live computation for any week without a row.
CREATE TABLE dashboard_week_rollup (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  week TEXT NOT NULL CHECK (length(week) = 8),              -- 'YYYY-Www', finished
  active_members INTEGER NOT NULL,                          -- active in this week
  period_active INTEGER NOT NULL,                           -- active in the four weeks ending with it
  period_returning INTEGER NOT NULL,                        -- ... and in the four weeks before those
  period_top_days INTEGER NOT NULL,                         -- active days of the most active tenth
  period_all_days INTEGER NOT NULL,                         -- active days of everyone
  rolled_at TEXT NOT NULL,
  PRIMARY KEY (community_id, week)
);
