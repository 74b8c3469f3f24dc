import type { Feature } from "../../core/feature.ts";
import { doneForm } from "../memory/done-form.ts";
import { MEETING_ACTIONS } from "./actions.ts";
import { holidayList, holidayRemove } from "./commands/holiday.ts";
import { holidayAdd, holidayPaste } from "./commands/holiday-add.ts";
import { holidayImport } from "./commands/holiday-import.ts";
import { meetingList, meetingNext, meetingSchedule } from "./commands/meeting.ts";
import { meetingCancel, meetingLink, meetingMove } from "./commands/meeting-edit.ts";
import { meetingAnnounce, meetingDone, meetingReminders, meetingRsvp } from "./commands/meeting-rsvp.ts";
import { timezone } from "./commands/timezone.ts";
// The meetings' reads and effects join core's `CommunityStore` and `Effect` in ports.ts: named
// here so every program that lists the feature (the Worker's, the scripts' typecheck) sees them.
import type {} from "./ports.ts";

/**
 * Meetings: `/copmod timezone`, `/cop meeting …`, `/copmod holiday …` and the RSVP, "mark as held"
 * and "I'll host" buttons. Its core part; the store part is `store.ts` (with `days-store.ts`), the
 * jobs `*-job.ts`, the strings `strings.ts`.
 */
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
  actions: MEETING_ACTIONS,
  // `/cop meeting done`'s form lives with the meeting's memory (who attended), in src/features/memory/.
  forms: [doneForm],
};
