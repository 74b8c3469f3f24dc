/**
 * Rows under migrations 0001–0016 for every table that references `communities`, for two
 * communities on two platforms (and a third that was deleted, so AUTOINCREMENT's high-water mark
 * is above the largest id). Keyed by table: test/migration-platform-open.test.ts checks that every
 * table the schema says references `communities` has an entry here, so a new table cannot be
 * forgotten. Triggers add rows too (rotation_tally from members and the ledger).
 */
const T = "2027-03-01T09:00:00.000Z";

export const COMMUNITY_ROWS = [
  `INSERT INTO communities (id, platform, workspace_id, name, locale, timezone, main_channel_id,
     settings, created_at, updated_at, welcome_text, followup_days, rotation_mode, timezone_set,
     digest_weekday, deactivated_at, deactivated_reason, erase_after)
   VALUES
     (1, 'slack', 'T0001', 'Guru Kita', 'id', 'Asia/Jakarta', 'C0GENERAL', '{"a":1}', '${T}', '${T}',
      'Selamat datang', 14, 'volunteers', 1, 3, NULL, NULL, NULL),
     (2, 'discord', '200000000000000002', 'Devs', 'en', 'Europe/Berlin', '300000000000000003', '{}',
      '${T}', '${T}', NULL, 7, 'everyone', 0, 1, '${T}', 'uninstalled', '2027-03-31T09:00:00.000Z'),
     (3, 'slack', 'T0003', 'Gone', 'en', 'UTC', NULL, '{}', '${T}', '${T}', NULL, 7, 'everyone', 0, 1,
      NULL, NULL, NULL)`,
  "DELETE FROM communities WHERE id = 3",
];

export const SEED: Record<string, string[]> = {
  members: [
    `INSERT INTO members (id, community_id, platform_user_id, display_name, status, is_moderator,
       joined_at, left_at, left_reason, founder, created_at, updated_at)
     VALUES (1, 1, 'U1', 'Ayu', 'active', 1, '${T}', NULL, NULL, 1, '${T}', '${T}'),
            (2, 1, 'U2', 'Budi', 'alumni', 0, '${T}', '${T}', 'self', 0, '${T}', '${T}'),
            (3, 2, 'D1', 'Dan', 'active', 1, '${T}', NULL, NULL, 0, '${T}', '${T}'),
            (4, 2, 'D2', 'Eve', 'paused', 0, '${T}', NULL, NULL, 0, '${T}', '${T}')`,
  ],
  audit_log: [
    `INSERT INTO audit_log (community_id, actor_member_id, action, detail, created_at)
     VALUES (1, 1, 'language', '{"to":"id"}', '${T}'), (2, 3, 'moderators add', '{}', '${T}')`,
  ],
  outbox: [
    `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, created_at, updated_at)
     VALUES (1, 'welcome:U1', 'dm', 'U1', '{"text":"hi"}', 'sent', '${T}', '${T}'),
            (2, 'digest:2027-W09', 'post', '300000000000000003', '{}', 'pending', '${T}', '${T}')`,
  ],
  delivery_blocks: [
    `INSERT INTO delivery_blocks (community_id, scope, reason, created_at, cause)
     VALUES (1, 'channel:C0GENERAL', 'not_in_channel', '${T}', 'not_in_channel'),
            (2, 'community', 'uninstalled', '${T}', 'uninstalled')`,
  ],
  dm_channels: ["INSERT INTO dm_channels VALUES (1, 'U1', 'D0U1'), (2, 'D1', '400000000000000004')"],
  member_sync: [
    `INSERT INTO member_sync (community_id, pages, seen, updated_at)
     VALUES (1, 2, 40, '${T}'), (2, 1, 3, '${T}')`,
  ],
  member_sync_pages: [`INSERT INTO member_sync_pages VALUES (1, 1, '["U1","U2"]'), (2, 1, '["D1"]')`],
  profiles: [
    `INSERT INTO profiles (community_id, member_id, does, shares, frequency, intro_consent, findable,
       answered_at, updated_at)
     VALUES (1, 1, 'Mengajar fisika', 'Eksperimen', 'weekly', 1, 1, '${T}', '${T}'),
            (2, 3, 'Rust', 'Code review', 'monthly', 0, 1, '${T}', '${T}')`,
  ],
  profile_drafts: [`INSERT INTO profile_drafts VALUES (2, 1, '{"does":"x"}', '${T}'), (4, 2, '{}', '${T}')`],
  form_drafts: [
    `INSERT INTO form_drafts VALUES (1, 'U1', 'setup', '{"language":"id"}', '${T}'),
       (2, 'D1', 'profile', '{}', '${T}')`,
  ],
  meeting_series: [
    `INSERT INTO meeting_series VALUES (1, 'weekly', '2027-03-02', 1140, 60, 'https://meet.example/a', '${T}'),
       (2, 'monthly', '2027-03-05', 600, 90, NULL, '${T}')`,
  ],
  meeting_overrides: [
    `INSERT INTO meeting_overrides VALUES (1, '2027-03-09', 1, NULL, NULL, '${T}'),
       (2, '2027-04-05', 0, '2027-04-06', 660, '${T}')`,
  ],
  holidays: [
    `INSERT INTO holidays VALUES (1, '2027-03-29', '2027-03-31', 'Nyepi', '${T}'),
       (2, '2027-12-24', '2027-12-26', NULL, '${T}')`,
  ],
  rotation_members: [`INSERT INTO rotation_members VALUES (1, 'U1', 1, 0, '${T}'), (2, 'D2', 0, 1, '${T}')`],
  rotation_ledger: [
    `INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, notes, created_at)
     VALUES (1, 'hosted', '2027-02-23', 'U1', 'rule', 'Hukum Newton', '${T}'),
            (2, 'passed', '2027-02-05', 'D1', 'busy', NULL, '${T}')`,
  ],
  rotation_aways: [
    `INSERT INTO rotation_aways VALUES (1, 'U1', '2027-04-01', '2027-04-14', '${T}'),
       (2, 'D1', '2027-05-01', '2027-05-02', '${T}')`,
  ],
  swap_requests: [
    `INSERT INTO swap_requests (community_id, meeting_day, from_user, to_user, status, created_at)
     VALUES (1, '2027-03-02', 'U1', 'U2', 'declined', '${T}'), (2, '2027-03-05', 'D1', 'D2', 'pending', '${T}')`,
  ],
  meeting_rsvps: [
    `INSERT INTO meeting_rsvps VALUES (1, '2027-03-02', 'U1', 'yes', '${T}'),
       (2, '2027-03-05', 'D2', 'maybe', '${T}')`,
  ],
  topics: [
    `INSERT INTO topics (id, community_id, title, title_key, suggested_by, pinned, created_at, updated_at)
     VALUES (1, 1, 'Kelas besar', 'kelas besar', 'U1', 1, '${T}', '${T}'),
            (2, 2, 'Async Rust', 'async rust', NULL, 0, '${T}', '${T}')`,
  ],
  topic_votes: [`INSERT INTO topic_votes VALUES (1, 1, 'U2', '${T}'), (2, 2, 'D1', '${T}')`],
  meeting_topics: [
    `INSERT INTO meeting_topics VALUES (1, '2027-03-02', 1, 'pinned', '[1]', NULL, '${T}'),
       (2, '2027-03-05', 2, 'host', '[2]', 'D1', '${T}')`,
  ],
  nudge_settings: [
    `INSERT INTO nudge_settings (community_id, quiet_days, paused, updated_at)
     VALUES (1, 14, 0, '${T}'), (2, 30, 1, '${T}')`,
  ],
  member_nudges: [
    `INSERT INTO member_nudges VALUES (1, 1, '2027-04-01', '${T}', '${T}'), (4, 2, NULL, NULL, '${T}')`,
  ],
  activity_channels: [
    `INSERT INTO activity_channels VALUES (2, '300000000000000003', '500000000000000005', NULL, '${T}'),
       (1, 'C0GENERAL', NULL, 'no access', '${T}')`,
  ],
  kudos: [
    `INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
     VALUES (1, 'U1', 'U2', 'Terima kasih!', 'C0GENERAL', '2027-03-01', 'k1', '${T}'),
            (2, 'D2', 'D1', 'Thanks', '300000000000000003', '2027-03-01', 'k2', '${T}')`,
  ],
  // Most rows come from the triggers above; one for someone only the tally remembers.
  rotation_tally: [
    "INSERT INTO rotation_tally (community_id, user_id, hosted, owed, passed) VALUES (1, 'U9', 3, 1, 2)",
  ],
  installations: [
    `INSERT INTO installations (id, community_id, platform, workspace_id, scopes, installer_user_id,
       installed_at, bot_token, token_version, status, updated_at)
     VALUES (1, 1, 'slack', 'T0001', 'commands,chat:write', 'U1', '${T}', 'v1:k1:aXY=:Y2lwaGVy', 3,
       'active', '${T}'),
            (2, 2, 'slack', 'T0002', 'commands', NULL, '${T}', NULL, 1, 'inactive', '${T}')`,
    "DELETE FROM installations WHERE id = 2",
    `INSERT INTO installations (id, community_id, platform, workspace_id, scopes, installed_at, updated_at)
     VALUES (3, 2, 'slack', 'T0004', 'commands', '${T}', '${T}')`,
  ],
  digest_topics: ["INSERT INTO digest_topics VALUES (1, '2027-W09', 1), (2, '2027-W09', 2)"],
};

/** Tables that reference nothing, seeded to show the migration leaves them alone too. */
export const OTHER_ROWS = [
  `INSERT INTO oauth_states VALUES ('abc123', '${T}', '2027-03-01T09:10:00.000Z')`,
  `INSERT INTO health_cron_tick VALUES (1, '${T}', '${T}', 1, NULL)`,
  `INSERT INTO health_queue_heartbeats VALUES ('guyub-jobs', '${T}', '${T}', '${T}', 120)`,
];
