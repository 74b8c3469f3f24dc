-- guyub: a platform is data (issue 20). `communities.platform` and `installations.platform` no
-- longer list the platforms guyub knows: a third one (Telegram, email) needs a new adapter, not a
-- migration. Each keeps a format check instead: a lowercase id, as the adapters name themselves.
--
-- SQLite cannot drop a CHECK, so both tables are rebuilt, and the usual rebuild (create a new
-- table, copy, drop the old one, rename) would empty every table that references `communities`:
-- D1 always enforces foreign keys (`PRAGMA foreign_keys = OFF` is ignored inside its implicit
-- transaction), dropping a parent table deletes its rows first, and that delete runs each
-- `ON DELETE CASCADE` (deferring foreign keys defers the checks, not the actions). Renaming with
-- `PRAGMA legacy_alter_table = ON` does not help either: while foreign keys are on, SQLite still
-- rewrites the references to the new name, and then drops them with the table. So the old rows
-- are first moved to ids no reference points at (`-id`), and only then is the table dropped:
-- its implicit delete cascades to nothing. The children still name `communities`, so they point
-- at the new table as soon as it exists, and copying the rows back under their own ids makes
-- every reference whole again. The moved rows leave references dangling for a moment, which
-- `defer_foreign_keys` allows until the end of the migration's transaction, where SQLite counts
-- them all restored (it fails the migration otherwise). test/migration-platform-open.test.ts
-- seeds every referencing table, runs this file and compares every row.

PRAGMA defer_foreign_keys = ON;

-- The rows as they are, and AUTOINCREMENT's high-water mark (dropping a table forgets it, and an
-- id must never be handed out twice, even that of a community erased long ago).
CREATE TABLE migration_0017_communities AS SELECT * FROM communities;
CREATE TABLE migration_0017_sequence AS
  SELECT name, seq FROM sqlite_sequence WHERE name IN ('communities', 'installations');

UPDATE communities SET id = -id;
DROP TABLE communities;

-- Column for column as migrations 0001 to 0016 left it, but for the platform's CHECK.
CREATE TABLE communities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL CHECK (length(platform) BETWEEN 1 AND 32 AND platform NOT GLOB '*[^a-z0-9_-]*'),
  workspace_id TEXT NOT NULL,            -- Slack team id / Discord guild id / the platform's own
  name TEXT,
  locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'id')),
  timezone TEXT NOT NULL DEFAULT 'UTC',  -- IANA name
  main_channel_id TEXT,
  moderator_role_id TEXT,                -- Discord: members with this role moderate
  settings TEXT NOT NULL DEFAULT '{}',   -- JSON, for settings not worth a column yet
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  delivery_paused INTEGER NOT NULL DEFAULT 0,
  welcome_text TEXT,
  conduct_text TEXT,
  followup_days INTEGER NOT NULL DEFAULT 7 CHECK (followup_days BETWEEN 1 AND 60),
  rotation_mode TEXT NOT NULL DEFAULT 'everyone' CHECK (rotation_mode IN ('everyone', 'volunteers')),
  announce_days INTEGER NOT NULL DEFAULT 3 CHECK (announce_days BETWEEN 0 AND 14),
  remind_day INTEGER NOT NULL DEFAULT 1 CHECK (remind_day IN (0, 1)),
  remind_hour INTEGER NOT NULL DEFAULT 1 CHECK (remind_hour IN (0, 1)),
  timezone_set INTEGER NOT NULL DEFAULT 0 CHECK (timezone_set IN (0, 1)),
  topic_half_life_days INTEGER NOT NULL DEFAULT 30 CHECK (topic_half_life_days BETWEEN 1 AND 365),
  topic_recent_meetings INTEGER NOT NULL DEFAULT 3 CHECK (topic_recent_meetings BETWEEN 0 AND 20),
  digest_weekday INTEGER NOT NULL DEFAULT 1 CHECK (digest_weekday BETWEEN 1 AND 7),
  digest_minute INTEGER NOT NULL DEFAULT 480 CHECK (digest_minute BETWEEN 0 AND 1439),
  digest_enabled INTEGER NOT NULL DEFAULT 1 CHECK (digest_enabled IN (0, 1)),
  deactivated_at TEXT,
  deactivated_reason TEXT,
  erase_after TEXT,
  UNIQUE (platform, workspace_id)
);

-- Named, not `*`: a column out of place would be copied into the wrong one without a word.
INSERT INTO communities (
  id, platform, workspace_id, name, locale, timezone, main_channel_id, moderator_role_id, settings,
  created_at, updated_at, delivery_paused, welcome_text, conduct_text, followup_days, rotation_mode,
  announce_days, remind_day, remind_hour, timezone_set, topic_half_life_days, topic_recent_meetings,
  digest_weekday, digest_minute, digest_enabled, deactivated_at, deactivated_reason, erase_after
)
SELECT
  id, platform, workspace_id, name, locale, timezone, main_channel_id, moderator_role_id, settings,
  created_at, updated_at, delivery_paused, welcome_text, conduct_text, followup_days, rotation_mode,
  announce_days, remind_day, remind_hour, timezone_set, topic_half_life_days, topic_recent_meetings,
  digest_weekday, digest_minute, digest_enabled, deactivated_at, deactivated_reason, erase_after
FROM migration_0017_communities;
CREATE INDEX communities_to_erase ON communities (erase_after) WHERE erase_after IS NOT NULL;

-- Installations: nothing references them, so the old table can go as it is.
CREATE TABLE migration_0017_installations AS SELECT * FROM installations;
DROP TABLE installations;

CREATE TABLE installations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  platform TEXT NOT NULL CHECK (length(platform) BETWEEN 1 AND 32 AND platform NOT GLOB '*[^a-z0-9_-]*'),
  workspace_id TEXT NOT NULL,            -- Slack team id
  enterprise_id TEXT,                    -- the Enterprise Grid org the team belongs to, if any
  app_id TEXT,
  bot_user_id TEXT,
  scopes TEXT NOT NULL,                  -- as Slack granted them, comma-separated
  installer_user_id TEXT,                -- who clicked Allow
  installed_at TEXT NOT NULL,            -- the latest install (a reinstall moves it)
  bot_token TEXT,                        -- envelope; NULL once the app is uninstalled or revoked
  refresh_token TEXT,                    -- envelope; only when the app opted in to token rotation
  token_expires_at TEXT,                 -- the access token's expiry (rotation only)
  -- Bumped by every token change. A refresh is claimed with `refreshing_until` while the version
  -- is the one read, and stored only if it still is: one refresher at a time, never two.
  token_version INTEGER NOT NULL DEFAULT 1,
  refreshing_until TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  updated_at TEXT NOT NULL,
  UNIQUE (platform, workspace_id)
);

INSERT INTO installations (
  id, community_id, platform, workspace_id, enterprise_id, app_id, bot_user_id, scopes,
  installer_user_id, installed_at, bot_token, refresh_token, token_expires_at, token_version,
  refreshing_until, status, updated_at
)
SELECT
  id, community_id, platform, workspace_id, enterprise_id, app_id, bot_user_id, scopes,
  installer_user_id, installed_at, bot_token, refresh_token, token_expires_at, token_version,
  refreshing_until, status, updated_at
FROM migration_0017_installations;
CREATE INDEX installations_by_community ON installations (community_id);

-- The high-water marks as they were (the copies above set them to the largest id copied).
DELETE FROM sqlite_sequence WHERE name IN ('communities', 'installations');
INSERT INTO sqlite_sequence (name, seq) SELECT name, seq FROM migration_0017_sequence;

DROP TABLE migration_0017_communities;
DROP TABLE migration_0017_installations;
DROP TABLE migration_0017_sequence;
