/**
 * English strings of what guyub asks the platform before trusting a setting: who a new moderator
 * is, and whether guyub can post in the main channel (spread into en.ts).
 */
export const accessEn = {
  "moderators.cannotCheck":
    "I could not check with the platform whether {member} is in this community just now. Nothing was changed; please try again in a minute.",
  "moderators.bot": "{member} is a bot: only people can be moderators. Nothing was changed.",
  "moderators.unknown.workspace":
    "{member} is not in this workspace (or their account is deactivated), so they cannot be a moderator. Nothing was changed.",
  "moderators.unknown.server":
    "{member} is not a member of this server, so they cannot be a moderator. Nothing was changed.",
  "moderators.unknown.group":
    "{member} is not a member of this group, so they cannot be a moderator. Nothing was changed.",
  "channel.cannotCheck":
    "I could not check with the platform whether guyub can post in {channel} just now. Nothing was changed; please try again in a minute.",
  "channel.notFound.invite":
    "guyub cannot see that channel: it does not exist, or it is private and guyub is not in it. Invite guyub there (type /invite @guyub in the channel), then run this command again. Nothing was changed.",
  "channel.notFound.permissions":
    "That channel does not exist (any more). Choose another one. Nothing was changed.",
  "channel.notMember":
    "guyub is not in {channel} yet, so it cannot post there. Invite it: type /invite @guyub in {channel}, then run this command again. Nothing was changed.",
  "channel.archived":
    "guyub cannot post in {channel}: it is archived. Choose another channel. Nothing was changed.",
  "channel.chosen": "the channel you chose",
  "channel.otherServer":
    "That channel belongs to another server. Choose one of this server's channels. Nothing was changed.",
  "channel.notText":
    "guyub can only post in a text or announcement channel. Choose one of those. Nothing was changed.",
  "channel.cannotView":
    "guyub cannot see {channel}. In the channel's settings, under Permissions, allow guyub's role to View Channel and Send Messages, then run this command again. Nothing was changed.",
  "channel.cannotSend":
    "guyub can see {channel} but may not send messages there. In the channel's settings, under Permissions, allow guyub's role to Send Messages, then run this command again. Nothing was changed.",
  "channel.cannotSendThreads":
    "guyub can see {channel} but may not send messages in this thread. Allow guyub's role to Send Messages in Threads in the channel's settings, then run this command again. Nothing was changed.",
} as const;
