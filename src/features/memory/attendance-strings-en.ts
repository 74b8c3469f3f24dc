/** English strings of the attendance form of `/cop meeting done` (listed in src/features/catalog.ts). */
export const attendanceEn = {
  "doneForm.title": "Meeting held",
  "doneForm.submit": "Save",
  "doneForm.opened": "Here is the form to mark the meeting of {day} as held.",
  "doneForm.attended": "Who attended",
  "doneForm.hint": "Filled in with those who said yes: add or remove people.",
  "doneForm.many": "{count} said yes and 25 fit here: the others can press “I was there” on the record.",
  "doneForm.notes": "Notes (optional)",
  "doneForm.notesTooLong": "Notes can be at most 1,000 characters.",
  "doneForm.tooMany": "At most 25 people here: the others can press “I was there” on the record.",
  "doneForm.notMembers":
    "{count} of the people chosen are not members of this community: choose members only.",
  "doneForm.recorded": "Attendance confirmed: {count}.",
} as const;
