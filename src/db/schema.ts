import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { BlockCause } from "../core/delivery.ts";
import type { PlatformId } from "../core/model.ts";
import type { ActivityChannelsTable } from "./activity-schema.ts";
import type { HealthCronTickTable, HealthQueueHeartbeatsTable } from "./health-schema.ts";
import type { InstallationsTable, OauthStatesTable } from "./installations-schema.ts";

/** Table types for Kysely, mirroring `migrations/`. snake_case as in SQL. */
export interface CommunitiesTable {
  id: Generated<number>;
  /** Any adapter's id (migration 0017 dropped the list): `slack`, `discord`, … */
  platform: PlatformId;
  workspace_id: string;
  name: string | null;
  locale: "en" | "id";
  timezone: Generated<string>;
  main_channel_id: string | null;
  moderator_role_id: string | null;
  settings: Generated<string>;
  delivery_paused: Generated<number>;
  welcome_text: string | null;
  conduct_text: string | null;
  followup_days: Generated<number>;
  rotation_mode: Generated<"everyone" | "volunteers">;
  announce_days: Generated<number>;
  remind_day: Generated<number>;
  remind_hour: Generated<number>;
  timezone_set: Generated<number>;
  topic_half_life_days: Generated<number>;
  topic_recent_meetings: Generated<number>;
  digest_weekday: Generated<number>;
  digest_minute: Generated<number>;
  digest_enabled: Generated<number>;
  /** Uninstalled (migration 0014): nothing is sent from then on; erased after `erase_after`. */
  deactivated_at: string | null;
  deactivated_reason: string | null;
  erase_after: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  community_id: number;
  platform_user_id: string;
  display_name: string | null;
  status: Generated<"active" | "paused" | "alumni">;
  is_moderator: Generated<number>;
  platform_admin: number | null;
  platform_admin_checked_at: string | null;
  joined_at: string;
  left_at: string | null;
  last_active_on: string | null;
  nudges_opt_out: Generated<number>;
  welcomed_at: string | null;
  followed_up_at: string | null;
  left_reason: "self" | "channel" | "gone" | null;
  /** Here before guyub (migration 0011): never welcomed, never kept waiting as a newcomer. */
  founder: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  community_id: number;
  actor_member_id: number | null;
  action: string;
  detail: string;
  created_at: string;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  community_id: number;
  period: string;
  status: Generated<"claimed" | "running" | "done" | "skipped" | "failed">;
  attempts: Generated<number>;
  detail: string | null;
  scheduled_at: string;
  claimed_at: string;
  finished_at: string | null;
}

export interface ProcessedEventsTable {
  key: string;
  received_at: string;
}

export type OutboxStatus = "pending" | "sent" | "undeliverable" | "lost" | "dead" | "superseded" | "skipped";

export interface OutboxTable {
  id: Generated<number>;
  community_id: number;
  idempotency_key: string;
  kind: "post" | "dm" | "edit" | "followup";
  target: string;
  payload: string;
  fallback: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  expires_at: string | null;
  platform_channel_id: string | null;
  platform_message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** When the row is next expected back on the queue (a deferral); the sweep waits for it. */
  next_try_at: string | null;
  /** A consumer's lease: it is sending the row until then. */
  claimed_until: string | null;
  /** The `delivery_blocks` scope the row waits on. */
  held_by: string | null;
}

export interface DeliveryPaceTable {
  key: string;
  next_at: number;
  strikes: Generated<number>;
}

export interface DeliveryBlocksTable {
  community_id: number;
  scope: string;
  reason: string;
  created_at: string;
  notified_at: string | null;
  cause: Generated<BlockCause>;
  /** When a waiting message may next go out as a probe; null for the notice. */
  probe_at: string | null;
  probes: Generated<number>;
  /** A hash of the bot token the loss was seen with (a new token clears a workspace-wide block). */
  credential: string | null;
}

export interface DmChannelsTable {
  community_id: number;
  user_id: string;
  channel_id: string;
}

export interface FormDraftsTable {
  community_id: number;
  user_id: string;
  form_id: string;
  answers: string;
  updated_at: string;
}

/** A forgotten person, per community: a salted hash of their platform user id (src/db/forgotten.ts). */
export interface ForgottenMembersTable {
  community_id: number;
  user_hash: string;
  forgotten_at: string;
}

/**
 * The tables of the features in `src/features/`: each feature adds its own from its folder
 * (`schema.ts` there, declaration merging), so a new table joins `Database` without editing this file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each feature through declaration merging
export interface FeatureTables {}

export interface Database extends FeatureTables {
  communities: CommunitiesTable;
  members: MembersTable;
  audit_log: AuditLogTable;
  job_runs: JobRunsTable;
  processed_events: ProcessedEventsTable;
  outbox: OutboxTable;
  delivery_pace: DeliveryPaceTable;
  delivery_blocks: DeliveryBlocksTable;
  dm_channels: DmChannelsTable;
  form_drafts: FormDraftsTable;
  forgotten_members: ForgottenMembersTable;
  activity_channels: ActivityChannelsTable;
  health_cron_tick: HealthCronTickTable;
  health_queue_heartbeats: HealthQueueHeartbeatsTable;
  installations: InstallationsTable;
  oauth_states: OauthStatesTable;
}

export type CommunityRow = Selectable<CommunitiesTable>;
export type NewCommunityRow = Insertable<CommunitiesTable>;
export type CommunityUpdate = Updateable<CommunitiesTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMemberRow = Insertable<MembersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type JobRunRow = Selectable<JobRunsTable>;
