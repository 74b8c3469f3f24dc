import { digestOff, digestOn, digestPreview, digestSchedule, digestSend } from "../core/commands/digest.ts";
import {
  nudgesOff,
  nudgesOn,
  nudgesPause,
  nudgesResume,
  nudgesSettings,
  nudgesSnooze,
} from "../core/commands/nudges.ts";
import { nudgesQuiet } from "../core/commands/nudges-quiet.ts";
import { topicList, topicSuggest, topicUnvote, topicVote } from "../core/commands/topic.ts";
import { topicHistory } from "../core/commands/topic-history.ts";
import { topicEdit, topicPin, topicRetire } from "../core/commands/topic-moderate.ts";
import type { Feature } from "../core/feature.ts";

/*
 * Features whose code is still spread by layer (src/core/commands, src/core/<feature>, src/db,
 * src/jobs), listed here as features so the command order holds while each moves to its own
 * folder (docs/architecture.md, *Feature folders*). A feature leaves this file when it moves.
 */

export const nudges: Feature = {
  name: "nudges",
  commands: [nudgesOff, nudgesOn, nudgesSnooze, nudgesQuiet, nudgesSettings, nudgesPause, nudgesResume],
  groups: { nudges: "cmd.nudges" },
};

export const digest: Feature = {
  name: "digest",
  commands: [digestPreview, digestSend, digestSchedule, digestOff, digestOn],
  groups: { digest: "cmd.digest" },
};

export const topics: Feature = {
  name: "topics",
  commands: [topicList, topicSuggest, topicVote, topicUnvote, topicPin, topicRetire, topicEdit, topicHistory],
  groups: { topic: "cmd.topic" },
};
