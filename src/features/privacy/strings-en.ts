/** English strings of the privacy feature (listed in src/features/catalog.ts). */
export const privacyEn = {
  "cmd.profile.export": "See everything guyub keeps about you in this community (and get it as a file)",
  "privacy.exportIntro": "What guyub keeps about you in this community:",
  "privacy.exportCount": "{count} items",
  "privacy.exportCountOne": "1 item",
  "privacy.exportNothing": "Nothing yet.",
  "privacy.exportFileComing":
    "The complete data comes to you as a JSON file in a direct message. Reports and moderators' notes about you are listed by date only.",
  "privacy.exportFileFollows":
    "The complete data follows as a JSON file in a private message below this one, seen only by you. Reports and moderators' notes about you are listed by date only.",
  "privacy.exportFileIntro":
    "Everything guyub keeps about you in {community}, as you asked with /cop profile export.",
  "privacy.exportFileTitle": "Your guyub data ({day})",
  "privacy.exportTooLarge":
    "Your data is too large to send as one file. Nothing was sent; please ask a moderator for help.",
  "privacy.part.profiles": "Profile",
  "privacy.part.membership": "Membership",
  "privacy.part.kudos": "Kudos",
  "privacy.part.meetings": "Meetings and RSVPs",
  "privacy.part.rotation": "Hosting turns",
  "privacy.part.topics": "Topics and votes",
  "privacy.part.nudges": "Nudges",
  "privacy.part.reports": "Reports",
  "privacy.part.audit": "Moderators' notes",
  "privacy.part.core": "Drafts and messages",
  "cmd.profile.forget": "Erase what guyub keeps about you in this community",
  "privacy.forgetAsk":
    'This erases what guyub keeps about you in {community}: your profile, form drafts, kudos reasons, activity days, nudge settings and messages waiting for you. What others keep (kudos counts, hosting turns, topics you suggested, votes) stays, as "a former member". You will no longer be a member; coming back later starts fresh. This cannot be undone.',
  "privacy.forgetButton": "Erase my data",
  "privacy.forgotten":
    "Done: what guyub kept about you here is erased, and you are no longer a member. If you come back, {usage} starts fresh.",
  "privacy.formerMember": "a former member",
  "privacy.moderatorForgotten":
    "{member} asked guyub to forget them in this community, so guyub cannot add them. Nothing changed; they can come back themselves with {usage}.",
  "privacy.forgottenRefused":
    "You asked guyub to forget you in this community, so it keeps nothing about you here and did nothing now. If you want to come back, {usage} makes you a new member.",
} as const;
