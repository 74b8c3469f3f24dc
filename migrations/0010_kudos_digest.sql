-- guyub: kudos and the weekly digest (issue 9, part 2).

-- A thank-you from one member to another, posted in the channel where it was given and shown in
-- the week's digest. `given_on` is the giver's community-local day: at most 10 a day per giver,
-- counted inside the INSERT that adds the 11th (so two racing commands cannot both pass).
-- `post_key` is the outbox key of its post: the post is written only if this row was.
CREATE TABLE kudos (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  from_user TEXT NOT NULL,                                       -- platform user ids
  to_user TEXT NOT NULL CHECK (to_user <> from_user),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 300), -- member text, escaped when shown
  channel_id TEXT NOT NULL,                                      -- where the thank-you was posted
  given_on TEXT NOT NULL,                                        -- local YYYY-MM-DD
  post_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, post_key)
);
CREATE INDEX kudos_by_giver ON kudos (community_id, from_user, given_on);
CREATE INDEX kudos_by_time ON kudos (community_id, created_at);

-- The weekly digest: ISO weekday (1 Monday … 7 Sunday) and local minute it is posted at, and
-- whether it is posted at all. Columns, like the onboarding settings: typed, CHECKed, read by the
-- job in SQL.
ALTER TABLE communities ADD COLUMN digest_weekday INTEGER NOT NULL DEFAULT 1
  CHECK (digest_weekday BETWEEN 1 AND 7);
ALTER TABLE communities ADD COLUMN digest_minute INTEGER NOT NULL DEFAULT 480
  CHECK (digest_minute BETWEEN 0 AND 1439);
ALTER TABLE communities ADD COLUMN digest_enabled INTEGER NOT NULL DEFAULT 1 CHECK (digest_enabled IN (0, 1));

-- The digest's numbers are COUNTs over index ranges, never a load of the member list:
-- active members this week (status, then the day of last activity), newcomers (welcomed this
-- week: members present before guyub's first sync are never welcomed, so never "new"), new topics.
CREATE INDEX members_by_activity ON members (community_id, status, last_active_on);
CREATE INDEX members_by_welcome ON members (community_id, welcomed_at) WHERE welcomed_at IS NOT NULL;
CREATE INDEX topics_by_created ON topics (community_id, created_at);
