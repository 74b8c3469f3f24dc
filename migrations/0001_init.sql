-- guyub: communities, their members, and the moderators' audit log.
-- Timestamps are UTC ISO-8601 text; local days are YYYY-MM-DD in the community's timezone.

CREATE TABLE communities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
  workspace_id TEXT NOT NULL,            -- Slack team id / Discord guild id
  name TEXT,
  locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'id')),
  timezone TEXT NOT NULL DEFAULT 'UTC',  -- IANA name
  main_channel_id TEXT,
  moderator_role_id TEXT,                -- Discord: members with this role moderate
  settings TEXT NOT NULL DEFAULT '{}',   -- JSON, for settings not worth a column yet
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform, workspace_id)
);

CREATE TABLE members (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  platform_user_id TEXT NOT NULL,
  display_name TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'alumni')),
  is_moderator INTEGER NOT NULL DEFAULT 0,           -- on the community's own moderator list
  platform_admin INTEGER,                            -- cached platform answer (Slack admin/owner), NULL = never asked
  platform_admin_checked_at TEXT,
  joined_at TEXT NOT NULL,
  left_at TEXT,
  last_active_on TEXT,                               -- day resolution: repeated activity on one day writes nothing
  nudges_opt_out INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, platform_user_id)
);

CREATE INDEX members_moderators ON members (community_id) WHERE is_moderator = 1;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  actor_member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
  action TEXT NOT NULL,                  -- the command, e.g. 'language', 'moderators add'
  detail TEXT NOT NULL DEFAULT '{}',     -- JSON: arguments and resulting effects
  created_at TEXT NOT NULL
);

CREATE INDEX audit_log_by_community ON audit_log (community_id, created_at);
