/** English strings of the moderators' health page (listed in src/features/catalog.ts). */
export const dashboardEn = {
  "dashboard.recognition": "Recognition",
  "dashboard.recognition.givers": "Members who gave kudos",
  "dashboard.recognition.receivers": "Members who received kudos",
  "dashboard.fewerThan5": "fewer than 5",
  "dashboard.last30": "Last 30 days",
} as const;
