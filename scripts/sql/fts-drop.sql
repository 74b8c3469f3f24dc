-- Before `wrangler d1 export`: it refuses databases with virtual tables. Drops guyub's four
-- full-text indexes and the triggers that feed them (the triggers first: a trigger left behind
-- would make every write to its table fail). The tables themselves are untouched and keep taking
-- writes; whoknows and /cop search answer with an apology until fts-create.sql runs. See README
-- "Backups".
DROP TRIGGER IF EXISTS profiles_fts_insert;
DROP TRIGGER IF EXISTS profiles_fts_delete;
DROP TRIGGER IF EXISTS profiles_fts_update;
DROP TABLE IF EXISTS profiles_fts;
DROP TRIGGER IF EXISTS meeting_entries_fts_insert;
DROP TRIGGER IF EXISTS meeting_entries_fts_delete;
DROP TRIGGER IF EXISTS meeting_entries_fts_update;
DROP TABLE IF EXISTS meeting_entries_fts;
DROP TRIGGER IF EXISTS topics_fts_insert;
DROP TRIGGER IF EXISTS topics_fts_delete;
DROP TRIGGER IF EXISTS topics_fts_update;
DROP TABLE IF EXISTS topics_fts;
DROP TRIGGER IF EXISTS topic_resources_fts_insert;
DROP TRIGGER IF EXISTS topic_resources_fts_delete;
DROP TRIGGER IF EXISTS topic_resources_fts_update;
DROP TABLE IF EXISTS topic_resources_fts;
