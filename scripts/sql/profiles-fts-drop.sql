-- Before `wrangler d1 export`: it refuses databases with virtual tables. Drops the whoknows
-- index and the triggers that feed it; profiles themselves are untouched and can still be saved
-- (whoknows answers with an apology until profiles-fts-create.sql runs). See README "Backups".
DROP TRIGGER IF EXISTS profiles_fts_insert;
DROP TRIGGER IF EXISTS profiles_fts_delete;
DROP TRIGGER IF EXISTS profiles_fts_update;
DROP TABLE IF EXISTS profiles_fts;
