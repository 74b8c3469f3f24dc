/** English strings of reports (listed in src/features/catalog.ts). */
export const reportsEn = {
  "cmd.report": "Members' private reports to moderators",
  "cmd.report.channel": "Set the private moderators' channel where reports go",
  "example.reportsChannel": "#moderators",
  "reports.channelSet":
    "Reports from members will go to {channel}. Keep it private: only moderators should see who reported what.",
  "cmd.conduct": "Read the community's code of conduct",
  "conduct.title": "Code of conduct",
  "conduct.worry": "If something here worries you, you can tell a moderator privately.",
  "conduct.none": "This community has no code of conduct yet. Moderators can set one with {usage}.",
} as const;
