-- guyub: what the community learns, kept (issue 24): notes, shared resources and follow-up actions
-- of each meeting, resources on backlog topics, attendance as a fact, and the full-text index
-- behind `/cop search`. A meeting is named by the day the series put it on (`meeting_day`, local
-- YYYY-MM-DD), as in rotation_ledger and meeting_rsvps. User ids are platform user ids; erasure
-- replaces a forgotten member's with `former:<members.id>` (the entry stays, "a former member").

-- One row per note, resource or action. `number` is the short number members use to edit or remove
-- it: per community, one more than the highest in use (UNIQUE makes a racing second insert fail
-- instead of sharing a number). Member text: escaped when shown, links http(s) only.
CREATE TABLE meeting_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  meeting_day TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'resource', 'action')),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),  -- the note, the action, or the resource's title
  url TEXT CHECK (url IS NULL OR length(url) <= 500),          -- resources only
  assignee TEXT,                                                -- actions: who took it on (platform user id)
  author TEXT NOT NULL,                                         -- platform user id
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, number),
  CHECK ((kind = 'resource') = (url IS NOT NULL))
);
CREATE INDEX meeting_entries_by_meeting ON meeting_entries (community_id, meeting_day, number);
CREATE INDEX meeting_entries_by_author ON meeting_entries (community_id, author);

-- Links shared on a backlog topic (`/cop topic resource 12 <link> <title>`).
CREATE TABLE topic_resources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  url TEXT NOT NULL CHECK (length(url) <= 500),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  added_by TEXT NOT NULL,                                       -- platform user id
  created_at TEXT NOT NULL,
  UNIQUE (topic_id, url)
);
CREATE INDEX topic_resources_by_topic ON topic_resources (community_id, topic_id);
CREATE INDEX topic_resources_by_member ON topic_resources (community_id, added_by);

-- Who attended: `self` when the member pressed "I was there", `host` when the host (or a
-- moderator) confirmed them with `/cop meeting done`. One row per member per meeting.
CREATE TABLE meeting_attendance (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  meeting_day TEXT NOT NULL,
  user_id TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('self', 'host')),
  recorded_by TEXT NOT NULL,                                    -- the member, or the confirming host
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (community_id, meeting_day, user_id)
);
CREATE INDEX meeting_attendance_by_member ON meeting_attendance (community_id, user_id);

-- `/cop search`: external-content FTS5 indexes, folded like whoknows' (unicode61, diacritics
-- removed, no stemming: Indonesian and English alike). Community and status are filtered at query
-- time through the content tables. `wrangler d1 export` refuses virtual tables: backups drop and
-- recreate them (scripts/sql/fts-drop.sql, fts-create.sql, README "Backups").
CREATE VIRTUAL TABLE meeting_entries_fts USING fts5(
  body,
  content = 'meeting_entries',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER meeting_entries_fts_insert AFTER INSERT ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER meeting_entries_fts_delete AFTER DELETE ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (meeting_entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER meeting_entries_fts_update AFTER UPDATE OF body ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (meeting_entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO meeting_entries_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE VIRTUAL TABLE topics_fts USING fts5(
  title,
  details,
  content = 'topics',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER topics_fts_insert AFTER INSERT ON topics BEGIN
  INSERT INTO topics_fts (rowid, title, details) VALUES (new.id, new.title, coalesce(new.details, ''));
END;
CREATE TRIGGER topics_fts_delete AFTER DELETE ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, details)
    VALUES ('delete', old.id, old.title, coalesce(old.details, ''));
END;
CREATE TRIGGER topics_fts_update AFTER UPDATE OF title, details ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, details)
    VALUES ('delete', old.id, old.title, coalesce(old.details, ''));
  INSERT INTO topics_fts (rowid, title, details) VALUES (new.id, new.title, coalesce(new.details, ''));
END;
-- Topics suggested before this migration.
INSERT INTO topics_fts (rowid, title, details) SELECT id, title, coalesce(details, '') FROM topics;

CREATE VIRTUAL TABLE topic_resources_fts USING fts5(
  title,
  content = 'topic_resources',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER topic_resources_fts_insert AFTER INSERT ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER topic_resources_fts_delete AFTER DELETE ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (topic_resources_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER topic_resources_fts_update AFTER UPDATE OF title ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (topic_resources_fts, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO topic_resources_fts (rowid, title) VALUES (new.id, new.title);
END;
