import { holidayList, holidayRemove } from "../core/commands/holiday.ts";
import { holidayAdd, holidayPaste } from "../core/commands/holiday-add.ts";
import { holidayImport } from "../core/commands/holiday-import.ts";
import { join, leave } from "../core/commands/join-leave.ts";
import { meetingList, meetingNext, meetingSchedule } from "../core/commands/meeting.ts";
import { meetingCancel, meetingLink, meetingMove } from "../core/commands/meeting-edit.ts";
import {
  meetingAnnounce,
  meetingDone,
  meetingReminders,
  meetingRsvp,
} from "../core/commands/meeting-rsvp.ts";
import { members } from "../core/commands/members.ts";
import {
  onboardingChannel,
  onboardingConduct,
  onboardingFollowup,
  onboardingPreview,
  onboardingSync,
  onboardingWelcome,
} from "../core/commands/onboarding.ts";
import { profileEdit, profileShow } from "../core/commands/profile.ts";
import { rotationFairness, rotationShow } from "../core/commands/rotation.ts";
import { rotationAdd, rotationMode, rotationRemove } from "../core/commands/rotation-admin.ts";
import {
  rotationAway,
  rotationPass,
  rotationSwap,
  rotationVolunteer,
} from "../core/commands/rotation-turns.ts";
import { timezone } from "../core/commands/timezone.ts";
import { whoknows } from "../core/commands/whoknows.ts";
import type { Feature } from "../core/feature.ts";

/*
 * Features whose code is still spread by layer (src/core/commands, src/core/<feature>, src/db,
 * src/jobs), listed here as features so the command order holds while each moves to its own
 * folder (docs/architecture.md, *Feature folders*). A feature leaves this file when it moves.
 */

export const profile: Feature = {
  name: "profile",
  commands: [profileShow, profileEdit, whoknows],
  groups: { profile: "cmd.profile" },
};

export const membership: Feature = { name: "membership", commands: [join, leave, members] };

export const onboarding: Feature = {
  name: "onboarding",
  commands: [
    onboardingPreview,
    onboardingWelcome,
    onboardingConduct,
    onboardingFollowup,
    onboardingChannel,
    onboardingSync,
  ],
  groups: { onboarding: "cmd.onboarding" },
};

export const meetings: Feature = {
  name: "meetings",
  commands: [
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
  ],
  groups: { meeting: "cmd.meeting", holiday: "cmd.holiday" },
};

export const rotation: Feature = {
  name: "rotation",
  commands: [
    rotationShow,
    rotationFairness,
    rotationPass,
    rotationSwap,
    rotationVolunteer,
    rotationAway,
    rotationAdd,
    rotationRemove,
    rotationMode,
  ],
  groups: { rotation: "cmd.rotation" },
};
