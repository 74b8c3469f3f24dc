/**
 * English text of nudges (and their commands), spread into the catalog (`src/core/i18n/en.ts`).
 * A nudge is a kind word to one person: no guilt, no counts of days, no names of others.
 */
export const nudgesEn = {
  "cmd.nudges": "Friendly check-ins when someone has been quiet for a while",
  "cmd.nudges.off": "Stop check-ins for you (it is fine to just read)",
  "cmd.nudges.on": "Turn check-ins back on for you",
  "cmd.nudges.snooze": "No check-ins for a few weeks",
  "cmd.nudges.quiet": "Who has been quiet, privately, with counts (moderators)",
  "cmd.nudges.settings": "Quiet days, days between check-ins, check-ins per day (moderators)",
  "cmd.nudges.pause": "Pause check-ins for the whole community (moderators)",
  "cmd.nudges.resume": "Resume check-ins (moderators)",
  "arg.weeks": "weeks (1–26)",
  "arg.weeks.help": "How many weeks without check-ins",
  "arg.quietDays": "quiet days (7–365)",
  "arg.quietDays.help": "Days without activity before a member gets a check-in",
  "arg.cooldown": "days between (7–365)",
  "arg.cooldown.help": "Days after a check-in before the same member may get another",
  "arg.perDay": "per day (1–500)",
  "arg.perDay.help": "Check-ins sent per day at most, longest-quiet first",

  "nudge.greeting": "Hi {user}! A warm hello from {community}.",
  "nudge.nextMeeting": "Our next meeting is {when}.",
  "nudge.nextTopic": "We will talk about: {topic}",
  "nudge.matched": "You mentioned you would like help with something close to this suggested topic: {topic}",
  "nudge.noPressure":
    "Come whenever it suits you, or keep reading along: both are welcome. I will not send another check-in for a while.",
  "nudge.come": "I'll come",
  "nudge.snooze": "Snooze a month",
  "nudge.justRead": "I prefer to just read",
  "nudge.snoozed": "Done: no check-ins from me until {day}. See you around!",
  "nudge.justReading":
    "That is completely fine: reading along is a good way to be part of {community}. I will not send you check-ins again. If you change your mind: {usage}",
  "nudge.offDone": "Check-ins are off for you. It is fine to just read. To turn them back on: {usage}",
  "nudge.onDone": "Check-ins are on for you again.",
  "nudge.snoozeDone": "No check-ins for you until {day}.",
  "nudge.settingsDone":
    "Check-ins go to members quiet for {days} days, at most once every {cooldown} days, and at most {perDay} a day.",
  "nudge.pausedDone": "Check-ins are paused for this community. Nothing else changes. To resume: {usage}",
  "nudge.resumedDone": "Check-ins are running again.",
  "nudge.alreadyPaused": "Check-ins are already paused. To resume: {usage}",
  "nudge.notPaused": "Check-ins are not paused.",
  "nudge.quietTitle": "Quiet members (only you see this)",
  "nudge.quietCounts":
    "Quiet for {days}+ days: {quiet} could get a check-in; {optedOut} prefer to just read, {snoozed} snoozed, {cooldown} had one recently.",
  "nudge.quietNone": "Nobody has been quiet for {days} days. Lovely.",
  "nudge.quietSince": "{user}: quiet since {day}",
  "nudge.quietPaused": "Check-ins are paused.",
  "nudge.unreadTitle":
    "guyub could not read {count} channel(s) at its last try, so it cannot tell who took part there. No check-ins go out until it can read them all again:",
  "nudge.unread.cannot_view":
    "{channel}: guyub cannot see this channel. Allow guyub's role View Channels here.",
  "nudge.unread.cannot_read_history":
    "{channel}: guyub sees this channel but may not read its messages. Allow guyub's role Read Message History here.",
  "nudge.unread.no_access":
    "{channel}: guyub was refused access (it may have been removed from the server). Add it again with the install link.",
  "nudge.unread.messages_hidden":
    "{channel}: guyub sees only commands and replies to it here, so it cannot tell who takes part. Make guyub an administrator of the group. If its privacy setting was changed in BotFather, remove it from the group and add it again so the change applies.",
  "nudge.badSetting": "{what} must be a whole number from {min} to {max}.",
} as const;
