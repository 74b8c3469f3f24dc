/** English strings of the topic refresh, the host's choice and `/cop topic history` (listed in src/features/catalog.ts). */
export const topicRefreshEn = {
  "cmd.topic": "Topics for the meetings: suggest, support, see what was discussed",
  "cmd.topic.history": "What past meetings discussed, when, and who hosted",
  "topicRefresh.next": "Topic: {title}",
  "topicRefresh.offer.title": "Choose the topic for your meeting",
  "topicRefresh.offer.intro": "You host the meeting on {when}. The members' favourite topics:",
  "topicRefresh.offer.deadline":
    "Choose one before the announcement goes out; if you don't, “{title}” stands. Only you see this.",
  "topicRefresh.pinned": "You host the meeting on {when}. A moderator pinned its topic: “{title}”.",
  "topicRefresh.only": "You host the meeting on {when}. Its topic is “{title}”, the only open topic.",
  "topicRefresh.chosen": "Thank you! The meeting on {when} will discuss “{title}”.",
  "topicRefresh.tooLate": "The announcement has gone out, so the topic stands: “{title}”.",
  "topicRefresh.notHost": "Only the host of this meeting can choose its topic.",
  "topicRefresh.gone": "That topic is no longer one of the choices for this meeting.",
  "topicHistory.title": "Topics discussed",
  "topicHistory.line": "{day}: {title} (hosted by {host})",
  "topicHistory.lineNoHost": "{day}: {title}",
  "topicHistory.empty": "No meeting with a topic has been held yet. Suggest one with {usage}.",
  "topicHistory.more": "The {count} most recent meetings.",
} as const;
