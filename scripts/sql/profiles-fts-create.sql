-- After the export (and after restoring a backup): recreates the whoknows index exactly as
-- migrations/0004_profiles.sql made it, and rebuilds it from the profiles table, including
-- profiles saved while it was gone. See README "Backups".
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

INSERT INTO profiles_fts (profiles_fts) VALUES ('rebuild');
