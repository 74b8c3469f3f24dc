-- The top topics each weekly digest showed, written in the batch that writes the post (only if it
-- wrote it). A topic the last two digests both showed rests in the next one, so the same topics do
-- not come back three digests running.
CREATE TABLE digest_topics (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  period TEXT NOT NULL,                 -- the digest's ISO week, e.g. 2027-W09
  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  PRIMARY KEY (community_id, period, topic_id)
);

-- The digest's top topics leave out every topic chosen for a meeting: looked up by topic.
-- (0014_installations.sql creates the same index for erasure; either may come first.)
CREATE INDEX IF NOT EXISTS meeting_topics_by_topic ON meeting_topics (topic_id);
