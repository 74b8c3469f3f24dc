-- guyub: the scheduler's claims, exactly-once ingress, and the delivery engine (outbox).

-- One row per (job, community, period) the dispatcher claimed. The UNIQUE key is the claim:
-- a second cron run or a redelivered queue message finds it taken and does nothing.
-- community_id 0 is a job that is not about one community (housekeeping).
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job TEXT NOT NULL,
  community_id INTEGER NOT NULL,
  period TEXT NOT NULL,                  -- the job's own period key, e.g. 2027-03-02 or 2027-03-02T09:15
  status TEXT NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'running', 'done', 'skipped', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  detail TEXT,                           -- why it was skipped, or the last error
  scheduled_at TEXT NOT NULL,            -- the scheduled event's time that claimed it
  claimed_at TEXT NOT NULL,
  finished_at TEXT,
  UNIQUE (job, community_id, period)
);

CREATE INDEX job_runs_latest ON job_runs (job, community_id, period);

-- Inbound deliveries already acted on: Slack event_id, Slack trigger_id, Discord interaction id.
-- Written in the same D1 batch as the effect they caused, so a retry or replay changes nothing.
CREATE TABLE processed_events (
  key TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
);

CREATE INDEX processed_events_by_time ON processed_events (received_at);

-- Outgoing messages. Written in the same batch as the state change that caused them; the
-- idempotency key makes a second write a no-op. The OUTBOX queue carries ids to the sender.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('post', 'dm', 'edit', 'followup')),
  target TEXT NOT NULL,                  -- channel id (post), user id (dm, followup), edited message's key (edit)
  payload TEXT NOT NULL,                 -- JSON: the neutral message (and a follow-up's token)
  fallback TEXT,                         -- JSON: a message to post in a channel if a DM cannot be delivered
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sent', 'undeliverable', 'lost', 'dead', 'superseded', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  expires_at TEXT,                       -- past this the message is pointless: skipped, never sent late
  platform_channel_id TEXT,              -- where it landed (a DM's channel id)
  platform_message_id TEXT,              -- Slack ts / Discord message id, for later edits
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (community_id, idempotency_key)
);

CREATE INDEX outbox_pending ON outbox (community_id, created_at) WHERE status = 'pending';
CREATE INDEX outbox_recent ON outbox (community_id, updated_at);
CREATE INDEX outbox_edits ON outbox (community_id, target) WHERE kind = 'edit' AND status = 'pending';

-- Pacing state of the sender, shared across queue invocations (the consumer runs one at a time):
-- the earliest time (ms since epoch) the next call under a key may go out.
CREATE TABLE delivery_pace (
  key TEXT PRIMARY KEY,
  next_at INTEGER NOT NULL,
  strikes INTEGER NOT NULL DEFAULT 0     -- consecutive 401/403 answers (Discord's invalid-request ban)
);

-- Where the bot lost access (a removed bot, a deleted channel, a revoked token).
-- scope: '*' for the whole community, otherwise a channel id.
CREATE TABLE delivery_blocks (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  notified_at TEXT,                      -- when a moderator was told (top of a moderator reply)
  PRIMARY KEY (community_id, scope)
);

-- DM channel ids learned from the platform (Slack conversations.open, Discord /users/@me/channels),
-- so a member's DM channel is opened once, not before every DM.
CREATE TABLE dm_channels (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id)
);

ALTER TABLE communities ADD COLUMN delivery_paused INTEGER NOT NULL DEFAULT 0;
