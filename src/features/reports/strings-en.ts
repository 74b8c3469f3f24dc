/** English strings of reports (listed in src/features/catalog.ts). */
export const reportsEn = {
  "cmd.reports": "Members' private reports to moderators",
  "cmd.reports.channel": "Set the private moderators' channel where reports go",
  "example.reportsChannel": "#moderators",
  "reports.channelSet":
    "Reports from members will go to {channel}. Keep it private: only moderators should see who reported what.",
} as const;
