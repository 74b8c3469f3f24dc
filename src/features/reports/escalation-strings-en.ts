/** English strings of the reports' escalation DM (listed in src/features/catalog.ts). */
export const reportEscalationEn = {
  "reportEscalation.title": "A report is waiting for a moderator",
  "reportEscalation.body":
    "A report made {when} has waited more than 24 hours and nobody has claimed it yet. Members who reported it: {count}.",
  "reportEscalation.card": "Its card is in {channel}; please take it from there.",
  "reportEscalation.cardDm": "Its card was sent to the moderators by DM earlier; please take it from there.",
  "reportEscalation.link": "The reported message: {link}",
  "reportEscalation.why": "Every moderator gets this once, so that someone takes it.",
} as const;
