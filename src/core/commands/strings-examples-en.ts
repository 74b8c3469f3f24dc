/**
 * Example values in help and argument errors (spread into en.ts): examples read in the community's
 * language, so an Indonesian reply never shows "Large classes".
 */
export const examplesEn = {
  "example.timezone": "Asia/Jakarta",
  "example.weekday": "tue",
  "example.time": "19:00",
  "example.channel": "#general",
  "example.channelPlaceholder": "#channel",
  "example.schedule": "weekly tue 19:00",
  "example.memberPlaceholder": "@member",
  "example.doneNotes": "Shared rubrics for project work",
} as const;
