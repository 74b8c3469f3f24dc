import { discordActivity } from "../jobs/discord-activity.ts";
import type { JobKind } from "../jobs/job-kind.ts";
import { dashboardRollup } from "./dashboard/rollup-job.ts";
import { weeklyDigest } from "./digest/jobs.ts";
import { meetingAnnounce } from "./meetings/announce-job.ts";
import { meetingClose } from "./meetings/close-job.ts";
import { meetingHoliday } from "./meetings/holiday-job.ts";
import { meetingRemind } from "./meetings/remind-job.ts";
import { memberSync } from "./membership/member-sync-job.ts";
import { welcomeFollowup } from "./membership/welcome-followup-job.ts";
import { memoryRecordCatchUp } from "./memory/record-job.ts";
import { memoryRecordStart } from "./memory/record-start-job.ts";
import { nudges } from "./nudges/jobs.ts";
import { reportEscalation } from "./reports/escalation-job.ts";
import { topicRefresh } from "./topics/refresh-job.ts";

/**
 * Every feature's scheduled jobs, in dispatch order (the order is observable: jobs due at the
 * same tick are claimed in it). `src/jobs/registry.ts` spreads this list into `JOB_KINDS`, after
 * delivery and housekeeping. Kept apart from `server.ts`: jobs import `src/jobs/`, which reaches
 * the store and so `server.ts`.
 *
 * The shared activity job (`src/jobs/discord-activity.ts`, no feature's own) keeps its place among
 * them: after the nudges, which act on the activity known at the start of the tick as they always
 * have, and before the digest, which counts the week's active members.
 */
export const FEATURE_JOBS: readonly JobKind[] = [
  memberSync,
  welcomeFollowup,
  nudges,
  discordActivity,
  meetingAnnounce,
  meetingHoliday,
  meetingRemind,
  meetingClose,
  memoryRecordStart,
  memoryRecordCatchUp,
  weeklyDigest,
  topicRefresh,
  reportEscalation,
  dashboardRollup,
];
