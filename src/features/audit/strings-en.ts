/** English strings of the audit trail (listed in src/features/catalog.ts). */
export const auditEn = {
  "cmd.audit": "See what moderators did, and keep private notes on members",
  "cmd.audit.list": "The latest moderators' actions, or those about one member, with the notes on them",
  "cmd.audit.note": "Keep a private note on a member (moderators only see it)",
  "arg.audit.member.help": "The member whose history you want, as an @mention",
  "arg.note": "note",
  "arg.note.help": "The note (up to 120 characters); only moderators see it",
  "example.auditNote": "asked for help with the rubric, followed up by DM",
  "audit.title": "Moderators' log",
  "audit.titleAbout": "History of {member}",
  "audit.empty": "Nothing has been recorded yet.",
  "audit.noMore": "There is nothing older.",
  "audit.more": "More",
  "audit.platform": "the platform",
  "audit.noted": "Your note on {member} is kept. Only moderators see it, with {member}'s history: {usage}.",
  "audit.line.note": "Note",
  "audit.line.deliveryLost": "guyub lost access (uninstalled or removed)",
} as const;
