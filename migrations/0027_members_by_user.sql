-- guyub: a person's communities on one platform (issue 26: a Telegram private chat asks which
-- groups its person belongs to, on every private command). Without this index SQLite walks every
-- community of the platform and probes each for the person: work that grows with the number of
-- communities. With it, the read is the person's own memberships.
CREATE INDEX members_by_user ON members (platform_user_id);
