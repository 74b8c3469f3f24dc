/** English strings of the meeting memory (listed in src/features/catalog.ts). */
export const memoryEn = {
  "cmd.meeting.note": "Add a key point to the record of the latest meeting (or: remove 3, edit 3 …)",
  "cmd.meeting.resource": "Share a link with its title in the record of the latest meeting",
  "cmd.meeting.action": "Record a follow-up someone took on (a member mentioned last takes it on)",
  "arg.entryText": "text",
  "arg.entryText.help":
    "What to add, after an optional date (2027-03-02); or remove 3, or edit 3 and the new text",
  "arg.resourceText": "link-and-title",
  "arg.resourceText.help": "The link, then its title; or remove 3, or edit 3 with the new link and title",
  "example.memoryNote": "Peer review works best with a rubric",
  "example.memoryResource": "https://example.org/rubric Assessment rubric template",
  "example.memoryAction": "Share the rubric template @ayu",
  "memory.kind.note": "note",
  "memory.kind.resource": "resource",
  "memory.kind.action": "action",
  "memory.added": "Added as {kind} #{number} to the record of {day}. To change it: {usage}",
  "memory.addedSoon": "Added to the record of {day}.",
  "memory.edited": "Changed {kind} #{number}.",
  "memory.removed": "Removed {kind} #{number} from the record of {day}.",
  "memory.noneHeld":
    "No meeting has been held in the last 30 days, so there is no record to add to yet. Nothing was saved.",
  "memory.notYet": "The meeting of {day} has not started yet: add it once it has. Nothing was saved.",
  "memory.tooOld":
    "{day} is more than {days} days ago: only meetings of the last {days} days take new entries. Nothing was saved.",
  "memory.noMeeting": "There was no meeting on {day}. Nothing was saved.",
  "memory.badDate": "“{value}” is not a date: use YYYY-MM-DD, e.g. 2027-03-02. Nothing was saved.",
  "memory.noNumber": "Say which entry by its number, e.g. {usage}. Nothing was changed.",
  "memory.notFound": "There is no entry #{number}. Nothing was changed.",
  "memory.notYours":
    "Entry #{number} was added by someone else: only its author, the meeting's host or a moderator may change it. Nothing was changed.",
  "memory.otherKind": "Entry #{number} is a {kind}: change it with {usage}. Nothing was changed.",
  "memory.bad.empty": "Please add the text, e.g. {usage}. Nothing was saved.",
  "memory.bad.tooLong": "That text is {length} characters long; the most is 1,000. Nothing was saved.",
  "memory.bad.noLink": "Start with the link, then its title, e.g. {usage}. Nothing was saved.",
  "memory.bad.badLink":
    "“{value}” is not a link I can share: it must start with http:// or https://. Nothing was saved.",
  "memory.bad.linkTooLong": "That link is {length} characters long; the most is 500. Nothing was saved.",
  "memory.bad.noTitle": "Please give the link a title after it, e.g. {usage}. Nothing was saved.",
} as const;
