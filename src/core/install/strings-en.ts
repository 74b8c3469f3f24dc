/** English strings of the Slack install pages (spread into the catalog, en.ts). */
export const installEn = {
  "install.title": "Installing guyub",
  "install.done.title": "guyub is installed",
  "install.done": "guyub is now in the {workspace} workspace.",
  "install.done.next":
    "Next, invite guyub to your community's channel (/invite @guyub) and type {usage} there to choose the main channel, the language and the time zone.",
  "install.cancelled.title": "Install cancelled",
  "install.cancelled":
    "You cancelled the install, so guyub was not added to your workspace. Nothing was stored.",
  "install.again": "Install guyub",
  "install.badState":
    "This install link is not valid: it was already used, it was not started from this browser, or it was changed. Nothing was stored. Please start again.",
  "install.expired":
    "This install took longer than 10 minutes and its link has expired. Nothing was stored. Please start again.",
  "install.noCode":
    "Slack did not send the approval code for this install. Nothing was stored. Please start again.",
  "install.slackRefused":
    "Slack did not complete the install ({error}). Nothing was stored. Please start again, or ask the person who runs guyub.",
  "install.notAllowed":
    "This guyub is only for some workspaces, and {workspace} is not one of them. Nothing was stored. Ask the person who runs guyub.",
  "install.notConfigured":
    "This guyub is not set up for installing yet. Nothing was stored. Ask the person who runs it to finish the setup.",
} as const;
