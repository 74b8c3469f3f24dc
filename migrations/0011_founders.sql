-- guyub: members who were here before guyub (issue 16).
--
-- guyub cannot tell a newcomer from someone who was in the workspace or server before it was
-- installed until its first full member sync has completed. Everyone it meets before then (found
-- by that first sync, or met through a command) is a founder: never welcomed as new, and able to
-- host a meeting at once instead of waiting out a newcomer's first week. One stored flag, set
-- when the row is inserted, read by both the welcome rule and the rotation.
ALTER TABLE members ADD COLUMN founder INTEGER NOT NULL DEFAULT 0 CHECK (founder IN (0, 1));

-- Existing members: those never welcomed and met no later than the first full sync completed (or
-- before any sync completed) were here before guyub. A welcomed member joined after it.
UPDATE members SET founder = 1
WHERE welcomed_at IS NULL
  AND created_at <= coalesce(
    (SELECT s.first_completed_at FROM member_sync s WHERE s.community_id = members.community_id),
    '9999-12-31');
