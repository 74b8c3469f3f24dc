/**
 * English text of membership: joining, leaving, the welcome and its follow-up, and the
 * onboarding and members commands. Spread into the catalog (`src/core/i18n/en.ts`, through `src/features/catalog.ts`), which stays
 * the one source of keys; `strings-id.ts` is typed against these.
 */
export const membershipEn = {
  "example.welcome": "Welcome! We meet on the first Tuesday of every month.",
  "example.conduct": "Be kind, share generously, keep what others share here.",
  "cmd.join": "Join this community, or come back after stepping back",
  "cmd.leave": "Step back from this community (you can always come back)",
  "cmd.members": "Member counts and the newest members",
  "cmd.onboarding": "Set up how guyub welcomes newcomers",
  "cmd.onboarding.welcome": "Set the welcome message newcomers receive",
  "cmd.onboarding.conduct": "Set the code of conduct shown with the welcome",
  "cmd.onboarding.followup": "Days after the welcome before one friendly reminder",
  "cmd.onboarding.channel": "Set the main channel guyub posts in",
  "cmd.onboarding.preview": "See exactly what a newcomer receives",
  "cmd.onboarding.sync": "Read the member list now",

  "arg.welcome": "welcome text",
  "arg.welcome.help":
    "What newcomers read first (up to 1000 characters); default brings back the built-in text",
  "arg.conduct": "code of conduct",
  "arg.conduct.help": "Shown with every welcome (up to 800 characters); none removes it",
  "arg.days": "number of days (1–60)",
  "arg.days.help": "Days after the welcome before the reminder, from 1 to 60",
  "arg.channel": "channel",
  "arg.channel.help": "The channel, as a #channel mention",

  "welcome.title": "Welcome!",
  "welcome.default":
    "We are glad you are here. This community of practice is a place to learn from each other: we meet regularly, share what works, and help with what does not work yet. Tell us a little about yourself so others know what you do and what you can share.",
  "welcome.conduct": "Code of conduct",
  "welcome.introButton": "Introduce yourself",
  "welcome.help": "Type {usage} any time to see what guyub can do for you.",
  "welcome.fallback":
    "Welcome, {member}! We are glad you are here. Say hello and tell us a little about yourself.",

  "followup.text":
    "Hello again! We would love to get to know you. Introducing yourself takes a minute, and it helps others find you when they need what you know.",
  "followup.justReading":
    "If you prefer to just read for now, that is perfectly fine. This is the only reminder you will get.",

  "join.back": "Welcome back! You are an active member of this community again.",
  "join.already": "You are a member of this community. {usage} shows what you can do.",
  "join.introduce": "Introduce yourself (or update your introduction) so others know what you can share.",
  "leave.done":
    "You have stepped back from this community. Thank you for all you shared! From now on guyub leaves you out of meetings, reminders and digests.",
  "leave.return": "Whenever you want to come back: {usage}",
  "leave.already": "You have already stepped back from this community. To come back: {usage}",
  "steppedBack.refused":
    "You stepped back from this community, so nothing was changed. Whenever you want to take part again: {usage}",

  "members.title": "Members",
  "members.active": "Active",
  "members.paused": "Paused",
  "members.alumni": "Alumni",
  "members.newest": "Newest members",
  "members.none": "No active members yet.",
  "members.joined": "{member}, joined {date}",
  "members.syncNever": "guyub has not read the member list yet; it does so every hour. {usage} reads it now.",
  "members.syncLast": "Member list last read {at}: {seen} members, {joined} joined, {left} left.",
  "members.syncRunning": "Reading the member list: {seen} members so far.",
  "members.syncError": "The member list could not be read last time: {error}",

  "onboarding.welcomeSet": "Saved: newcomers now receive your welcome. {usage} shows it as they will see it.",
  "onboarding.welcomeReset": "Newcomers receive the built-in welcome again.",
  "onboarding.conductSet": "Saved: the code of conduct is shown with every welcome.",
  "onboarding.conductCleared": "The welcome no longer shows a code of conduct.",
  "onboarding.followupSet":
    "Newcomers who have neither introduced themselves nor used guyub get one friendly reminder {days} days after their welcome.",
  "onboarding.channelSet":
    "{channel} is now the main channel: guyub posts there, and a welcome that cannot be sent privately goes there.",
  "onboarding.previewIntro": "Preview: this is the private message a newcomer receives.",
  "onboarding.previewFallback": "If their direct messages are closed, guyub posts this in {channel} instead:",
  "onboarding.previewNoChannel":
    "No main channel is set, so a newcomer whose direct messages are closed gets no welcome. {usage} sets one.",
  "onboarding.previewFollowup":
    "After {days} days without an introduction or any use of guyub, they get one friendly reminder.",
  "onboarding.syncStarted":
    "Reading the member list now. Members already here at the first full read are recorded without a welcome; members who join after it are welcomed. {usage} shows the result.",
  "onboarding.syncQueued": "The member list will be read within 15 minutes. {usage} shows the result.",
  "onboarding.noMainChannel":
    "Heads-up: no main channel is set, so guyub cannot post publicly (a welcome whose private message could not be delivered had nowhere to go). Set one with {usage}.",
  "digest.newcomers": "Welcome to our newcomers",
} as const;
