/** English strings of the calendar's guard rails: holidays and moved meetings (spread into en.ts). */
export const calendarGuardsEn = {
  "holiday.noSuchDate": "There is no such date as {value}. Nothing was changed.",
  "holiday.noSuchDateIn": "There is no such date as {value} (in “{entry}”). Nothing was changed.",
  "holiday.tooLong":
    "“{entry}” is {days} days long; a holiday can be at most {max} days (add a longer break in parts). Nothing was changed.",
  "holiday.past": "{day} is in the past: a holiday can start today ({today}) or later. Nothing was changed.",
  "holiday.allPast": "All {count} are in the past (before {today}): nothing was added.",
  "holiday.skippedPast": "{count} in the past (before {today}) were skipped.",
  "holiday.replaces": "This replaces {holidays}, which started the same day.",
  "holiday.overlaps": "{holidays} also falls on some of these days and stays as it is.",
  "meeting.moveToPast":
    "{when} is already past: a meeting can only move to a time still ahead. Nothing was changed.",
  "meeting.moveToHoliday":
    "{day} is a holiday ({holiday}), so no meeting can take place then. Choose another day or remove the holiday first ({usage}). Nothing was changed.",
} as const;
