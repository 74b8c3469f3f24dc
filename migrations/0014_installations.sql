-- guyub: one deployment, many communities (issue 18). Slack workspaces installed through OAuth v2,
-- their bot tokens encrypted at rest, the install's one-time `state`, and the lifecycle of a
-- community whose app was uninstalled (inactive at once, its data erased 30 days later).

-- One row per Slack workspace installed through /slack/install. Tokens are envelopes
-- `v1:<key id>:<iv>:<ciphertext>` (AES-256-GCM, the workspace and the field as associated data:
-- src/secrets/envelope.ts), never plain text. A deployment with only SLACK_BOT_TOKEN has no rows.
CREATE TABLE installations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  platform TEXT NOT NULL CHECK (platform IN ('slack')),
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

CREATE INDEX installations_by_community ON installations (community_id);

-- The single-use `state` of an install in progress: only its SHA-256 is kept, for 10 minutes,
-- and the callback consumes it with one DELETE … RETURNING (a replay finds nothing).
CREATE TABLE oauth_states (
  state_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_at);

-- A community whose app was uninstalled (Slack app_uninstalled / tokens_revoked, a Discord server
-- that removed the bot): nothing is sent there from that moment, and its data is erased after
-- `erase_after` unless it is installed again first.
ALTER TABLE communities ADD COLUMN deactivated_at TEXT;
ALTER TABLE communities ADD COLUMN deactivated_reason TEXT;
ALTER TABLE communities ADD COLUMN erase_after TEXT;

CREATE INDEX communities_to_erase ON communities (erase_after) WHERE erase_after IS NOT NULL;

-- Erasing a community deletes its members in chunks; every member deleted makes SQLite look up
-- the rows that point at it. Without these indexes each of those look-ups scans the whole table
-- (every community's audit log and profiles), once per member.
CREATE INDEX audit_log_by_actor ON audit_log (actor_member_id);
CREATE INDEX profiles_by_member ON profiles (member_id);
CREATE INDEX meeting_topics_by_topic ON meeting_topics (topic_id);
