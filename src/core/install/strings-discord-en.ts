/**
 * English text of installing guyub into a Discord server: why it asks for each scope and
 * permission (the invite script and the health page print these), spread into the catalog.
 */
export const discordInstallEn = {
  "install.discord.scope.bot":
    "Adds guyub's bot user to the server, so it can post and send direct messages.",
  "install.discord.scope.commands": "Adds the /cop command, and /copmod for moderators.",
  "install.discord.viewChannel":
    "To see the channels it posts in and reads; guyub sees only channels its role may see.",
  "install.discord.sendMessages":
    "To post announcements, reminders and the weekly digest in the main channel.",
  "install.discord.readHistory":
    "To notice who took part lately, so nobody active gets a check-in. Without it Discord shows guyub no messages at all, and every member would look quiet.",
} as const;
