/** English strings of the privacy feature (listed in src/features/catalog.ts). */
export const privacyEn = {
  "cmd.profile.forget": "Erase what guyub keeps about you in this community",
  "privacy.forgetAsk":
    'This erases what guyub keeps about you in {community}: your profile, form drafts, kudos reasons, activity days, nudge settings and messages waiting for you. What others keep (kudos counts, hosting turns, topics you suggested, votes) stays, as "a former member". You will no longer be a member; coming back later starts fresh. This cannot be undone.',
  "privacy.forgetButton": "Erase my data",
  "privacy.forgotten":
    "Done: what guyub kept about you here is erased, and you are no longer a member. If you come back, {usage} starts fresh.",
  "privacy.forgottenRefused":
    "You asked guyub to forget you in this community, so it keeps nothing about you here and did nothing now. If you want to come back, {usage} makes you a new member.",
} as const;
