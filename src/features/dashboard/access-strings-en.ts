/** English strings of the dashboard link, its pages and refusals (listed in src/features/catalog.ts). */
export const dashboardAccessEn = {
  "cmd.dashboard": "A private link to your community's health page (works once, for 15 minutes)",
  "dashboard.link.title": "Your community's health page",
  "dashboard.link.note":
    "This link is for you only: it works once, within {minutes} minutes. Please do not share it.",
  "dashboard.link.replayed": "This request was already answered. For a new link: {usage}.",
  "dashboard.noAddress":
    "The health page needs this deployment's address (the PUBLIC_URL setting). Please ask whoever runs guyub to set it.",
  "dashboard.page.title": "{community}: how the community is doing",
  "dashboard.open.title": "Open the health page",
  "dashboard.open.lead":
    "Press the button to open your community's health page. The link then stops working.",
  "dashboard.open.button": "Open the health page",
  "dashboard.refused.title": "This page cannot be shown",
  "dashboard.refused.link":
    "This link has expired, was already used, or is not valid. Type {usage} in your community for a new one.",
  "dashboard.refused.notModerator":
    "Only moderators can see this page, and you are not a moderator of this community now.",
  "dashboard.refused.unverifiable":
    "guyub could not confirm just now that you are a moderator. Please try again in a few minutes with a new link: {usage}.",
  "dashboard.refused.session": "Your session has ended. Type {usage} in your community for a new link.",
} as const;
