-- guyub: member profiles (the intro form), the Discord form's first-step answers, and the
-- full-text index behind `/cop whoknows`.

-- One profile per member. Short answers are at most 300 characters (the form's max_length is the
-- same number, src/core/profile/answers.ts); the CHECKs only back that up.
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  does TEXT NOT NULL CHECK (length(does) <= 300),          -- what I do / teach
  shares TEXT NOT NULL CHECK (length(shares) <= 300),      -- what I can share
  needs TEXT NOT NULL DEFAULT '' CHECK (length(needs) <= 300), -- what I need help with (may feed topics, never with the name)
  benefits TEXT NOT NULL DEFAULT '[]',                     -- JSON array of benefit keys (career, organisation, …)
  frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly', 'flexible')),
  intro_consent INTEGER NOT NULL CHECK (intro_consent IN (0, 1)),  -- may guyub post an introduction
  findable INTEGER NOT NULL CHECK (findable IN (0, 1)),            -- may others find me with whoknows
  answered_at TEXT NOT NULL,                               -- first save
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, member_id)
);

-- The Discord form comes in two modals (Discord allows 5 fields per modal, and a modal cannot
-- open another). The first step's answers wait here until the second step saves the profile in
-- one batch; nothing reaches `profiles` before that. Deleted by that save.
CREATE TABLE profile_drafts (
  member_id INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  answers TEXT NOT NULL,                                   -- JSON: { does, shares, needs }
  updated_at TEXT NOT NULL
);

-- whoknows: an external-content FTS5 index over what members can share and what they do.
-- unicode61 with remove_diacritics 2 folds case and accents ("résumé" = "resume") and works for
-- Indonesian and English alike (no stemming). Consent and membership are filtered at query time.
-- The triggers keep it in step with `profiles`; `wrangler d1 export` refuses virtual tables, so
-- backups drop and recreate it (scripts/sql/profiles-fts-*.sql, README "Backups").
CREATE VIRTUAL TABLE profiles_fts USING fts5(
  shares,
  does,
  content = 'profiles',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER profiles_fts_insert AFTER INSERT ON profiles BEGIN
  INSERT INTO profiles_fts (rowid, shares, does) VALUES (new.id, new.shares, new.does);
END;

CREATE TRIGGER profiles_fts_delete AFTER DELETE ON profiles BEGIN
  INSERT INTO profiles_fts (profiles_fts, rowid, shares, does) VALUES ('delete', old.id, old.shares, old.does);
END;

CREATE TRIGGER profiles_fts_update AFTER UPDATE OF shares, does ON profiles BEGIN
  INSERT INTO profiles_fts (profiles_fts, rowid, shares, does) VALUES ('delete', old.id, old.shares, old.does);
  INSERT INTO profiles_fts (rowid, shares, does) VALUES (new.id, new.shares, new.does);
END;
