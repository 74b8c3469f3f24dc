/** English strings of `/cop search` (listed in src/features/catalog.ts). */
export const searchEn = {
  "cmd.search": "Search what the community has kept: meeting notes, resources, actions and topics",
  "example.search": "assessment rubric",
  "search.title": "What the community has kept about “{words}”",
  "search.none": "No meeting note, resource, action or topic mentions “{words}” yet.",
  "search.empty": "Please give me a word or two to look for, e.g. {example}.",
  "search.kind.note": "Note {number}",
  "search.kind.resource": "Resource {number}",
  "search.kind.action": "Action {number}",
  "search.kind.topic": "Topic #{number}",
  "search.kind.topicResource": "Resource on topic #{number}",
  "search.meeting": "meeting of {day}",
  "search.suggested": "suggested, not yet a meeting's topic",
  "search.record": "see the record",
  "search.announcement": "see the announcement",
  "search.note": "Best matches first.",
  "search.cut": "Only the {shown} best matches fit here: add a word to narrow the search.",
} as const;
