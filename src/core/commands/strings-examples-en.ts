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
  "example.whoknows": "assessment rubrics",
  "example.doneNotes": "Shared rubrics for project work",
  "example.welcome": "Welcome! We meet on the first Tuesday of every month.",
  "example.conduct": "Be kind, share generously, keep what others share here.",
} as const;
