-- guyub: the fair facilitator rotation and what happens around each meeting (issue 7).
-- A meeting is named by the day the series put it on (`meeting_day`, local YYYY-MM-DD), which a
-- move does not change: hosts, RSVPs and announcements follow a moved meeting.

-- `everyone`: every eligible member takes turns; `volunteers`: only those who opted in.
ALTER TABLE communities ADD COLUMN rotation_mode TEXT NOT NULL DEFAULT 'everyone'
  CHECK (rotation_mode IN ('everyone', 'volunteers'));
-- The announcement goes out this many days before (at once when scheduled later than that).
ALTER TABLE communities ADD COLUMN announce_days INTEGER NOT NULL DEFAULT 3
  CHECK (announce_days BETWEEN 0 AND 14);
-- Reminders 24 hours and 1 hour before; each can be turned off.
ALTER TABLE communities ADD COLUMN remind_day INTEGER NOT NULL DEFAULT 1 CHECK (remind_day IN (0, 1));
ALTER TABLE communities ADD COLUMN remind_hour INTEGER NOT NULL DEFAULT 1 CHECK (remind_hour IN (0, 1));
-- 1 once a moderator chose the zone (`/cop timezone`); until then a schedule may take the
-- scheduling moderator's Slack zone.
ALTER TABLE communities ADD COLUMN timezone_set INTEGER NOT NULL DEFAULT 0 CHECK (timezone_set IN (0, 1));

-- Per-member rotation choices: opted in (counts in `volunteers` mode), or taken out by a moderator.
CREATE TABLE rotation_members (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,                                    -- platform user id
  opted_in INTEGER NOT NULL DEFAULT 0 CHECK (opted_in IN (0, 1)),
  excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id)
);

-- The fair turn ledger: every hosted, passed, swapped, volunteered, assigned, skipped and cancelled
-- turn, with its reason, in the order it was recorded. Never updated, never deleted.
CREATE TABLE rotation_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('hosted', 'passed', 'swapped', 'skipped', 'cancelled', 'volunteered', 'assigned')),
  meeting_day TEXT NOT NULL,
  member_id TEXT,                                           -- platform user ids
  other_member_id TEXT,
  reason TEXT NOT NULL CHECK (length(reason) <= 40),
  notes TEXT CHECK (length(notes) <= 1000),                 -- hosted: what the meeting covered
  recorded_by TEXT,                                         -- who marked it; NULL = guyub itself
  created_at TEXT NOT NULL
);
CREATE INDEX rotation_ledger_by_community ON rotation_ledger (community_id, id);
-- A meeting closes once: held, skipped (holiday) or cancelled. A second close changes nothing.
CREATE UNIQUE INDEX rotation_ledger_closed_once ON rotation_ledger (community_id, meeting_day)
  WHERE kind IN ('hosted', 'skipped', 'cancelled');
-- The announcement assigns a host once; later passes and swaps are their own entries.
CREATE UNIQUE INDEX rotation_ledger_assigned_once ON rotation_ledger (community_id, meeting_day)
  WHERE kind = 'assigned';

-- A member is away from `from_day` to `to_day` (both included): not eligible then.
CREATE TABLE rotation_aways (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL CHECK (to_day >= from_day),
  created_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id, from_day)
);

-- A host asked another member to swap; the other answers with a button, once.
CREATE TABLE swap_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  meeting_day TEXT NOT NULL,
  from_user TEXT NOT NULL,
  to_user TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
  created_at TEXT NOT NULL,
  answered_at TEXT
);
CREATE INDEX swap_requests_pending ON swap_requests (community_id, meeting_day) WHERE status = 'pending';

-- One answer per member per meeting; a new answer replaces the old one.
CREATE TABLE meeting_rsvps (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  meeting_day TEXT NOT NULL,
  user_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, meeting_day, user_id)
);
