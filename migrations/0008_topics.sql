-- guyub: the topic backlog members feed and vote on, and the topic chosen for each meeting (issue 8).

-- How a vote's weight fades (it halves every `topic_half_life_days`) and how many recent meetings'
-- topics are left out of the next choice.
ALTER TABLE communities ADD COLUMN topic_half_life_days INTEGER NOT NULL DEFAULT 30
  CHECK (topic_half_life_days BETWEEN 1 AND 365);
ALTER TABLE communities ADD COLUMN topic_recent_meetings INTEGER NOT NULL DEFAULT 3
  CHECK (topic_recent_meetings BETWEEN 0 AND 20);

CREATE TABLE topics (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 150),  -- member text, escaped when shown
  title_key TEXT NOT NULL,                                      -- folded: case, punctuation, spacing, accents
  details TEXT CHECK (length(details) <= 500),
  suggested_by TEXT,                                            -- platform user id; NULL = from an intro, unnamed
  source TEXT NOT NULL DEFAULT 'member' CHECK (source IN ('member', 'intro')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'archived', 'retired')),
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  last_discussed_on TEXT,                                       -- the meeting day it was last discussed
  archived_at TEXT,
  archive_reported INTEGER NOT NULL DEFAULT 0 CHECK (archive_reported IN (0, 1)), -- the digest mentions it once
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One open topic per folded title: a second suggestion becomes a vote.
CREATE UNIQUE INDEX topics_open_title ON topics (community_id, title_key) WHERE status = 'open';
CREATE INDEX topics_by_status ON topics (community_id, status);
-- The spam brake counts a member's suggestions of the last minute.
CREATE INDEX topics_by_suggester ON topics (community_id, suggested_by, created_at);

-- One vote per member per topic.
CREATE TABLE topic_votes (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  voted_at TEXT NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);
CREATE INDEX topic_votes_by_community ON topic_votes (community_id, topic_id);

-- The topic of each meeting (by the series' scheduled day), chosen once; the host may change it
-- to one of the offered candidates until the announcement.
CREATE TABLE meeting_topics (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  meeting_day TEXT NOT NULL,
  topic_id INTEGER NOT NULL REFERENCES topics (id),
  source TEXT NOT NULL CHECK (source IN ('pinned', 'rule', 'host')),
  candidates TEXT NOT NULL DEFAULT '[]',                        -- JSON ids offered to the host
  chosen_by TEXT,                                               -- the host who chose; NULL = the rule
  decided_at TEXT NOT NULL,
  PRIMARY KEY (community_id, meeting_day)
);
