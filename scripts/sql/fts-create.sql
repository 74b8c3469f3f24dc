-- After the export (and after restoring a backup): recreates guyub's four full-text indexes exactly
-- as the migrations made them (profiles_fts: 0004, whoknows; meeting_entries_fts, topics_fts and
-- topic_resources_fts: 0020, /cop search), with the triggers that keep them in step, and rebuilds
-- each from its table, rows saved while they were gone included. See README "Backups".

-- whoknows (migrations/0004_profiles.sql)
CREATE VIRTUAL TABLE IF NOT EXISTS profiles_fts USING fts5(
  shares,
  does,
  content = 'profiles',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS profiles_fts_insert AFTER INSERT ON profiles BEGIN
  INSERT INTO profiles_fts (rowid, shares, does) VALUES (new.id, new.shares, new.does);
END;

CREATE TRIGGER IF NOT EXISTS profiles_fts_delete AFTER DELETE ON profiles BEGIN
  INSERT INTO profiles_fts (profiles_fts, rowid, shares, does) VALUES ('delete', old.id, old.shares, old.does);
END;

CREATE TRIGGER IF NOT EXISTS profiles_fts_update AFTER UPDATE OF shares, does ON profiles BEGIN
  INSERT INTO profiles_fts (profiles_fts, rowid, shares, does) VALUES ('delete', old.id, old.shares, old.does);
  INSERT INTO profiles_fts (rowid, shares, does) VALUES (new.id, new.shares, new.does);
END;

-- /cop search (migrations/0020_meeting_memory.sql)
CREATE VIRTUAL TABLE IF NOT EXISTS meeting_entries_fts USING fts5(
  body,
  content = 'meeting_entries',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS meeting_entries_fts_insert AFTER INSERT ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER IF NOT EXISTS meeting_entries_fts_delete AFTER DELETE ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (meeting_entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER IF NOT EXISTS meeting_entries_fts_update AFTER UPDATE OF body ON meeting_entries BEGIN
  INSERT INTO meeting_entries_fts (meeting_entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO meeting_entries_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS topics_fts USING fts5(
  title,
  details,
  content = 'topics',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS topics_fts_insert AFTER INSERT ON topics BEGIN
  INSERT INTO topics_fts (rowid, title, details) VALUES (new.id, new.title, coalesce(new.details, ''));
END;
CREATE TRIGGER IF NOT EXISTS topics_fts_delete AFTER DELETE ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, details)
    VALUES ('delete', old.id, old.title, coalesce(old.details, ''));
END;
CREATE TRIGGER IF NOT EXISTS topics_fts_update AFTER UPDATE OF title, details ON topics BEGIN
  INSERT INTO topics_fts (topics_fts, rowid, title, details)
    VALUES ('delete', old.id, old.title, coalesce(old.details, ''));
  INSERT INTO topics_fts (rowid, title, details) VALUES (new.id, new.title, coalesce(new.details, ''));
END;

CREATE VIRTUAL TABLE IF NOT EXISTS topic_resources_fts USING fts5(
  title,
  content = 'topic_resources',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS topic_resources_fts_insert AFTER INSERT ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER IF NOT EXISTS topic_resources_fts_delete AFTER DELETE ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (topic_resources_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER IF NOT EXISTS topic_resources_fts_update AFTER UPDATE OF title ON topic_resources BEGIN
  INSERT INTO topic_resources_fts (topic_resources_fts, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO topic_resources_fts (rowid, title) VALUES (new.id, new.title);
END;

INSERT INTO profiles_fts (profiles_fts) VALUES ('rebuild');
INSERT INTO meeting_entries_fts (meeting_entries_fts) VALUES ('rebuild');
INSERT INTO topics_fts (topics_fts) VALUES ('rebuild');
INSERT INTO topic_resources_fts (topic_resources_fts) VALUES ('rebuild');
