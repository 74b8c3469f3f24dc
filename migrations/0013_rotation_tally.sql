-- guyub: the rotation's per-member tally, so a command plans hosts from the few fairest candidates
-- instead of every member and the whole ledger (issue 17).
--
-- One row per member (and per id the ledger names): what `tallyLedger` (src/core/rotation/tally.ts)
-- computes from the whole ledger, kept up to date by triggers, so every ledger write updates it in
-- the same statement, hence the same D1 batch, and a write the ledger's unique indexes refuse (a
-- second close, a second assignment) changes no count. The ledger stays the source of truth: this
-- table can always be rebuilt from it (the backfill below does exactly that).
CREATE TABLE rotation_tally (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,                                  -- platform user id
  hosted INTEGER NOT NULL DEFAULT 0,                      -- meetings hosted
  owed INTEGER NOT NULL DEFAULT 0,                        -- passes not yet repaid by hosting
  passed INTEGER NOT NULL DEFAULT 0,                      -- every pass, repaid or not
  last_hosted TEXT,                                       -- latest day hosted; NULL = never
  -- The count the rule compares: a debt lowers it, so the debtor comes first.
  standing INTEGER GENERATED ALWAYS AS (hosted - owed) VIRTUAL,
  -- Takes turns: an active member a moderator did not take out (members.status, rotation_members).
  in_pool INTEGER NOT NULL DEFAULT 0 CHECK (in_pool IN (0, 1)),
  opted_in INTEGER NOT NULL DEFAULT 0 CHECK (opted_in IN (0, 1)),
  PRIMARY KEY (community_id, user_id)
);

-- The fairest first, as `fairOrder` orders them (NULLs sort first: never hosted waits longest),
-- among members who take turns: `everyone` mode, and `volunteers` mode (opted in).
CREATE INDEX rotation_tally_fair ON rotation_tally (community_id, standing, last_hosted, user_id)
  WHERE in_pool = 1;
CREATE INDEX rotation_tally_fair_volunteers ON rotation_tally (community_id, standing, last_hosted, user_id)
  WHERE in_pool = 1 AND opted_in = 1;
-- The fewest hosted first: "nobody twice in a row while an eligible member hosted less" compares
-- plain hosted counts, which the fair order (debts counted) does not sort by.
CREATE INDEX rotation_tally_fewest ON rotation_tally (community_id, hosted, passed, user_id)
  WHERE in_pool = 1;
CREATE INDEX rotation_tally_fewest_volunteers ON rotation_tally (community_id, hosted, passed, user_id)
  WHERE in_pool = 1 AND opted_in = 1;
-- Everyone with a turn on record, alumni too (`/cop rotation fairness` lists them).
CREATE INDEX rotation_tally_history ON rotation_tally (community_id, standing, last_hosted, user_id)
  WHERE hosted > 0 OR passed > 0;

-- Who may be ineligible on a day for reasons of the day alone (a newcomer's first week, a join
-- after it): counted per plan by join time, founders apart.
CREATE INDEX members_by_founding ON members (community_id, status, founder, joined_at);
-- Away ranges reaching a plan's days (to_day at or after its first day).
CREATE INDEX rotation_aways_by_end ON rotation_aways (community_id, to_day);
-- The ledger's days, for the days a plan reads (a day not closed yet, the last held one).
CREATE INDEX rotation_ledger_by_day ON rotation_ledger (community_id, meeting_day, kind);

-- Rows are only ever added when missing (NOT EXISTS, never a conflict), so no outer statement's
-- conflict policy can turn one into a replace that would reset the counts.
CREATE TRIGGER rotation_tally_member_insert AFTER INSERT ON members BEGIN
  INSERT INTO rotation_tally (community_id, user_id)
    SELECT new.community_id, new.platform_user_id
    WHERE NOT EXISTS (SELECT 1 FROM rotation_tally
      WHERE community_id = new.community_id AND user_id = new.platform_user_id);
  UPDATE rotation_tally SET
    in_pool = new.status = 'active' AND coalesce((SELECT r.excluded FROM rotation_members r
      WHERE r.community_id = new.community_id AND r.user_id = new.platform_user_id), 0) = 0,
    opted_in = coalesce((SELECT r.opted_in FROM rotation_members r
      WHERE r.community_id = new.community_id AND r.user_id = new.platform_user_id), 0)
  WHERE community_id = new.community_id AND user_id = new.platform_user_id;
END;

CREATE TRIGGER rotation_tally_member_status AFTER UPDATE OF status ON members BEGIN
  UPDATE rotation_tally SET
    in_pool = new.status = 'active' AND coalesce((SELECT r.excluded FROM rotation_members r
      WHERE r.community_id = new.community_id AND r.user_id = new.platform_user_id), 0) = 0
  WHERE community_id = new.community_id AND user_id = new.platform_user_id;
END;

CREATE TRIGGER rotation_tally_choice_insert AFTER INSERT ON rotation_members BEGIN
  INSERT INTO rotation_tally (community_id, user_id)
    SELECT new.community_id, new.user_id
    WHERE NOT EXISTS (SELECT 1 FROM rotation_tally
      WHERE community_id = new.community_id AND user_id = new.user_id);
  UPDATE rotation_tally SET
    in_pool = new.excluded = 0 AND coalesce((SELECT m.status = 'active' FROM members m
      WHERE m.community_id = new.community_id AND m.platform_user_id = new.user_id), 0),
    opted_in = new.opted_in
  WHERE community_id = new.community_id AND user_id = new.user_id;
END;

CREATE TRIGGER rotation_tally_choice_update AFTER UPDATE ON rotation_members BEGIN
  UPDATE rotation_tally SET
    in_pool = new.excluded = 0 AND coalesce((SELECT m.status = 'active' FROM members m
      WHERE m.community_id = new.community_id AND m.platform_user_id = new.user_id), 0),
    opted_in = new.opted_in
  WHERE community_id = new.community_id AND user_id = new.user_id;
END;

-- `record` in tally.ts, row by row in the ledger's order: hosting repays the oldest debt.
CREATE TRIGGER rotation_tally_ledger AFTER INSERT ON rotation_ledger
WHEN new.kind IN ('hosted', 'passed') AND new.member_id IS NOT NULL BEGIN
  INSERT INTO rotation_tally (community_id, user_id, in_pool, opted_in)
    SELECT new.community_id, new.member_id,
      coalesce((SELECT m.status = 'active' FROM members m
        WHERE m.community_id = new.community_id AND m.platform_user_id = new.member_id), 0)
        AND coalesce((SELECT r.excluded FROM rotation_members r
          WHERE r.community_id = new.community_id AND r.user_id = new.member_id), 0) = 0,
      coalesce((SELECT r.opted_in FROM rotation_members r
        WHERE r.community_id = new.community_id AND r.user_id = new.member_id), 0)
    WHERE NOT EXISTS (SELECT 1 FROM rotation_tally
      WHERE community_id = new.community_id AND user_id = new.member_id);
  UPDATE rotation_tally SET
    hosted = hosted + (new.kind = 'hosted'),
    passed = passed + (new.kind = 'passed'),
    owed = CASE WHEN new.kind = 'passed' THEN owed + 1 WHEN owed > 0 THEN owed - 1 ELSE 0 END,
    last_hosted = CASE WHEN new.kind = 'hosted' AND (last_hosted IS NULL OR new.meeting_day > last_hosted)
      THEN new.meeting_day ELSE last_hosted END
  WHERE community_id = new.community_id AND user_id = new.member_id;
END;

-- Backfill: every member, then the ids only the ledger names, then the counts. `owed` is a running
-- count that hosting lowers but never below zero: its final value is the last prefix sum of
-- +1 (pass) / -1 (host) minus the lowest prefix sum reached (or zero), in the ledger's order.
INSERT INTO rotation_tally (community_id, user_id, in_pool, opted_in)
  SELECT m.community_id, m.platform_user_id,
    m.status = 'active' AND coalesce(r.excluded, 0) = 0, coalesce(r.opted_in, 0)
  FROM members m
  LEFT JOIN rotation_members r ON r.community_id = m.community_id AND r.user_id = m.platform_user_id;

INSERT INTO rotation_tally (community_id, user_id, opted_in)
  SELECT DISTINCT l.community_id, l.member_id, coalesce(r.opted_in, 0)
  FROM rotation_ledger l
  LEFT JOIN rotation_members r ON r.community_id = l.community_id AND r.user_id = l.member_id
  WHERE l.kind IN ('hosted', 'passed') AND l.member_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM rotation_tally t
      WHERE t.community_id = l.community_id AND t.user_id = l.member_id);

WITH steps AS (
  SELECT community_id, member_id, kind, meeting_day,
    sum(CASE kind WHEN 'passed' THEN 1 ELSE -1 END)
      OVER (PARTITION BY community_id, member_id ORDER BY id) AS running
  FROM rotation_ledger
  WHERE kind IN ('hosted', 'passed') AND member_id IS NOT NULL
), totals AS (
  SELECT community_id, member_id,
    sum(kind = 'hosted') AS hosted,
    sum(kind = 'passed') AS passed,
    sum(CASE kind WHEN 'passed' THEN 1 ELSE -1 END) - min(0, min(running)) AS owed,
    max(CASE kind WHEN 'hosted' THEN meeting_day END) AS last_hosted
  FROM steps
  GROUP BY community_id, member_id
)
UPDATE rotation_tally SET
  hosted = totals.hosted, passed = totals.passed, owed = totals.owed, last_hosted = totals.last_hosted
FROM totals
WHERE rotation_tally.community_id = totals.community_id AND rotation_tally.user_id = totals.member_id;
