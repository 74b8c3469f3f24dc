-- guyub: delivery faults that heal. A lost channel or workspace is probed again instead of being
-- written off, messages for it wait (within their expiry) instead of being marked lost at once, a
-- row is claimed before it is sent, and a deferred row tells the sweep when it is due back.

-- When the row is next expected back on the queue (a pacing deferral, a backoff, a wait for
-- access). The sweep re-enqueues a pending row only once this moment (or, when it is NULL, its
-- last change) lies ten minutes back: a deferred row is not sent to the queue a second time.
ALTER TABLE outbox ADD COLUMN next_try_at TEXT;
-- A consumer is sending the row until this moment (a short lease): two overlapping batches never
-- both send it. Cleared when the outcome is recorded; a consumer killed mid-send leaves it to expire.
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
-- The delivery_blocks scope the row waits on ('*' or a channel id): released when that block clears.
ALTER TABLE outbox ADD COLUMN held_by TEXT;

CREATE INDEX outbox_held ON outbox (community_id, held_by) WHERE status = 'pending' AND held_by IS NOT NULL;

-- What the loss is, in platform-neutral words, so moderators are told what fixes it:
-- not_in_channel (invite the bot), channel_gone (deleted or archived: choose another channel),
-- uninstalled (the whole workspace or server: reinstall), no_main_channel (the notice, not a loss).
ALTER TABLE delivery_blocks ADD COLUMN cause TEXT NOT NULL DEFAULT 'not_in_channel'
  CHECK (cause IN ('not_in_channel', 'channel_gone', 'uninstalled', 'no_main_channel'));
-- When one waiting message may next be sent as a probe (1 h, 6 h and 24 h after the block, then
-- daily); NULL for the notice, which blocks nothing. `probes` counts the probes made.
ALTER TABLE delivery_blocks ADD COLUMN probe_at TEXT;
ALTER TABLE delivery_blocks ADD COLUMN probes INTEGER NOT NULL DEFAULT 0;
-- An opaque id (a hash) of the bot token the loss was seen with: a workspace-wide block clears
-- when guyub sends with another token (a reinstall or a token change). NULL when unknown.
ALTER TABLE delivery_blocks ADD COLUMN credential TEXT;

-- Blocks recorded before this migration never healed: their next message is a probe at once.
UPDATE delivery_blocks SET
  cause = CASE
    WHEN scope = 'main-channel' THEN 'no_main_channel'
    WHEN scope = '*' THEN 'uninstalled'
    WHEN reason LIKE '%channel_not_found%' OR reason LIKE '%is_archived%' OR reason LIKE '%10003%'
      THEN 'channel_gone'
    ELSE 'not_in_channel'
  END,
  probe_at = CASE WHEN scope = 'main-channel' THEN NULL ELSE created_at END;
