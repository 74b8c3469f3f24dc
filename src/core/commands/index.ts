import { deliveryPause, deliveryResume, deliveryRetry, deliveryUnblock } from "./delivery.ts";
import { deliveryStatus } from "./delivery-status.ts";
import { digestOff, digestOn, digestPreview, digestSchedule, digestSend } from "./digest.ts";
import { help } from "./help.ts";
import { holidayList, holidayRemove } from "./holiday.ts";
import { holidayAdd, holidayPaste } from "./holiday-add.ts";
import { holidayImport } from "./holiday-import.ts";
import { join, leave } from "./join-leave.ts";
import { kudos } from "./kudos.ts";
import { language } from "./language.ts";
import { meetingList, meetingNext, meetingSchedule } from "./meeting.ts";
import { meetingCancel, meetingLink, meetingMove } from "./meeting-edit.ts";
import { meetingAnnounce, meetingDone, meetingReminders, meetingRsvp } from "./meeting-rsvp.ts";
import { members } from "./members.ts";
import { moderatorsAdd, moderatorsList, moderatorsRemove, moderatorsRole } from "./moderators.ts";
import { nudgesOff, nudgesOn, nudgesPause, nudgesResume, nudgesSettings, nudgesSnooze } from "./nudges.ts";
import { nudgesQuiet } from "./nudges-quiet.ts";
import {
  onboardingChannel,
  onboardingConduct,
  onboardingFollowup,
  onboardingPreview,
  onboardingSync,
  onboardingWelcome,
} from "./onboarding.ts";
import { profileEdit, profileShow } from "./profile.ts";
import { createRegistry } from "./registry.ts";
import { rotationFairness, rotationShow } from "./rotation.ts";
import { rotationAdd, rotationMode, rotationRemove } from "./rotation-admin.ts";
import { rotationAway, rotationPass, rotationSwap, rotationVolunteer } from "./rotation-turns.ts";
import { setup } from "./setup.ts";
import { timezone } from "./timezone.ts";
import { topicList, topicSuggest, topicUnvote, topicVote } from "./topic.ts";
import { topicHistory } from "./topic-history.ts";
import { topicEdit, topicPin, topicRetire } from "./topic-moderate.ts";
import { whoknows } from "./whoknows.ts";

/** Every command guyub knows, in the order help lists them. */
/** The help line of each group word (for help and Discord registration). */
export const GROUP_SUMMARIES = {
  moderators: "cmd.moderators",
  delivery: "cmd.delivery",
  profile: "cmd.profile",
  onboarding: "cmd.onboarding",
  nudges: "cmd.nudges",
  digest: "cmd.digest",
  meeting: "cmd.meeting",
  holiday: "cmd.holiday",
  topic: "cmd.topic",
  rotation: "cmd.rotation",
} as const;

export const registry = createRegistry(
  [
    help,
    setup,
    language,
    moderatorsList,
    moderatorsAdd,
    moderatorsRemove,
    moderatorsRole,
    deliveryStatus,
    deliveryRetry,
    deliveryPause,
    deliveryResume,
    deliveryUnblock,
    profileShow,
    profileEdit,
    whoknows,
    kudos,
    join,
    leave,
    members,
    onboardingPreview,
    onboardingWelcome,
    onboardingConduct,
    onboardingFollowup,
    onboardingChannel,
    onboardingSync,
    nudgesOff,
    nudgesOn,
    nudgesSnooze,
    nudgesQuiet,
    nudgesSettings,
    nudgesPause,
    nudgesResume,
    digestPreview,
    digestSend,
    digestSchedule,
    digestOff,
    digestOn,
    timezone,
    meetingNext,
    meetingList,
    meetingSchedule,
    meetingLink,
    meetingCancel,
    meetingMove,
    meetingRsvp,
    meetingDone,
    meetingAnnounce,
    meetingReminders,
    holidayList,
    holidayAdd,
    holidayPaste,
    holidayImport,
    holidayRemove,
    rotationShow,
    rotationFairness,
    rotationPass,
    rotationSwap,
    rotationVolunteer,
    rotationAway,
    rotationAdd,
    rotationRemove,
    rotationMode,
    topicList,
    topicSuggest,
    topicVote,
    topicUnvote,
    topicPin,
    topicRetire,
    topicEdit,
    topicHistory,
  ],
  GROUP_SUMMARIES,
);

export type {
  Command,
  CommandContext,
  CommandResult,
  CommandSyntax,
  Invocation,
  Registry,
} from "./types.ts";
