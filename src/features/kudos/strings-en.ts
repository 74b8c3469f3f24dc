/** English strings of kudos (listed in src/features/catalog.ts). */
export const kudosEn = {
  "cmd.kudos": "Thank a member in the channel; the thank-you also appears in the weekly digest",
  "arg.why": "why",
  "example.kudosWhy": "for sharing her assessment rubric",
  "arg.why.help": "What you are thankful for (up to 300 characters)",
  "kudos.post": "🙏 Kudos to {to} from {from}: ",
  "kudos.someone": "a fellow member",
  "kudos.done": "Your kudos to {to} is posted and will be in the weekly digest.",
  "kudos.self": "Kudos are for thanking someone else. Nothing was posted.",
  "kudos.bot": "Kudos are for members, not bots. Nothing was posted.",
  "kudos.unknownBot":
    "I could not check just now whether {to} is a member or a bot. Please try again in a moment. Nothing was posted.",
  "kudos.limit":
    "You have given {limit} kudos today, the most for one day. Thank you for your generosity! Try again tomorrow.",
  "kudos.noChannel":
    "I don't know where to post this: use the command in a channel, or ask a moderator to set the main channel. Nothing was posted.",
  "digest.kudos": "Kudos of the week",
  "digest.kudos.line": "{to}, thanked by {from}: ",
} as const;
