-- guyub: a form asked as a conversation, one question at a time, on a platform that cannot draw
-- a dialog (src/core/conversation/). One open conversation per member and community: a new form
-- replaces the old one. Dropped when submitted or cancelled, and by housekeeping a day after its
-- last answer (RETENTION.formConversations).
CREATE TABLE form_conversations (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  form_id TEXT NOT NULL,                 -- the form definition's id: `intro.profile`, `setup.all`
  args TEXT NOT NULL DEFAULT '[]',       -- JSON: the form's context ids as packed with it
  answers TEXT NOT NULL DEFAULT '{}',    -- JSON: field id → string or array of strings, so far
  step INTEGER NOT NULL DEFAULT 0,       -- the question being asked, 0-based
  reasks INTEGER NOT NULL DEFAULT 0,     -- invalid answers to this question so far (one re-ask)
  expires_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id)
);

-- A private message names its sender, not always the community: found by user first.
CREATE INDEX form_conversations_user ON form_conversations (user_id, updated_at);
