-- guyub: private reports to moderators (issue 23, part R).

-- Where triage cards go: a private moderators' channel (`/copmod report channel #mods`, or the
-- setup form). No row, or a NULL channel: cards go to every moderator by DM.
CREATE TABLE report_settings (
  community_id INTEGER PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
  channel_id TEXT,
  updated_at TEXT NOT NULL
);

-- One report: a reported message (`subject` = 'message:<channel>:<ts>', so several reports of one
-- message merge into one row with a count) or one `/cop report` ('note:<uuid>'). The snapshot (the
-- message text as it was, or what happened in the reporter's words) is sealed with the key ring
-- (AES-GCM envelope bound to the row's community and subject) and set to NULL 180 days after the
-- report is closed; `reported_user` is the author of a reported message, never shown to them.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  reported_user TEXT,
  message_link TEXT,
  snapshot TEXT,
  report_count INTEGER NOT NULL DEFAULT 1 CHECK (report_count >= 1),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'resolved', 'dismissed')),
  claimed_by TEXT,
  note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 300),
  card_key TEXT,                          -- outbox key of the triage card (edited in place)
  card_channel_id TEXT,
  created_at TEXT NOT NULL,
  closed_at TEXT,
  escalated_at TEXT,
  UNIQUE (community_id, subject)
);
CREATE INDEX reports_by_status ON reports (community_id, status, created_at);
CREATE INDEX reports_closed ON reports (closed_at) WHERE snapshot IS NOT NULL AND closed_at IS NOT NULL;

-- Who reported: one row per (report, reporter), so one member reports one message once.
-- `reported_on` is the reporter's community-local day: at most 5 a day, counted inside the INSERT
-- that adds the 6th (two racing reports cannot both pass). The reason is sealed like the snapshot.
CREATE TABLE report_reporters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  reporter TEXT NOT NULL,
  reason TEXT,
  reported_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (report_id, reporter)
);
CREATE INDEX report_reporters_by_day ON report_reporters (community_id, reporter, reported_on);
