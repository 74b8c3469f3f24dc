-- guyub: a forgotten member stays forgotten (issue 23, members' own data).

-- `/cop profile forget` keeps, per community, a salted hash of the person's platform user id:
-- HMAC-SHA256 keyed with FORGET_HASH_SALT (or, without it, a key of the token key ring), hex.
-- The member sync, join events and first contact do not recreate a members row for a hash
-- listed here; `/cop join` by the person deletes the row and makes them a fresh member. The
-- hash names nobody by itself: without the salt it cannot be turned back into an id. A rowid
-- table: community erasure deletes in rowid chunks.
CREATE TABLE forgotten_members (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_hash TEXT NOT NULL CHECK (length(user_hash) = 64),
  forgotten_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_hash)
);
