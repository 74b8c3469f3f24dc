/**
 * The migrations this code was built with, oldest first: the file names in `migrations/`, as
 * wrangler records them in `d1_migrations`. Listed by hand because the bundle cannot
 * read the folder; `test/health-schema.test.ts` fails until this list equals the folder, so a new
 * migration cannot be forgotten here.
 */
export const MIGRATIONS = [
  "0001_init.sql",
  "0002_delivery.sql",
  "0003_membership.sql",
  "0004_profiles.sql",
  "0005_form_drafts.sql",
  "0006_meetings.sql",
  "0007_rotation.sql",
  "0008_topics.sql",
  "0009_activity_nudges.sql",
  "0010_kudos_digest.sql",
  "0011_founders.sql",
  "0012_delivery_healing.sql",
  "0013_rotation_tally.sql",
  "0014_installations.sql",
  "0015_health.sql",
  "0016_digest_topics.sql",
  "0017_platform_open.sql",
  "0018_reports.sql",
  "0019_forgotten.sql",
  "0020_meeting_memory.sql",
  "0021_dashboard.sql",
  "0022_dashboard_rollup.sql",
  "0023_dashboard_speed.sql",
  "0025_form_conversations.sql",
  "0026_private_chat_choice.sql",
  "0027_members_by_user.sql",
] as const;
