import { FEATURES } from "../../features/index.ts";
import { conversationActions } from "../conversation/actions.ts";
import { SETUP_ACTIONS, SETUP_FORMS } from "../setup/forms.ts";
import type { Action } from "./define.ts";
import type { MessageAction } from "./message-types.ts";
import type { FormDefinition } from "./types.ts";

/** Every form guyub opens, by id. */
export const FORMS: readonly FormDefinition[] = [
  ...FEATURES.flatMap((feature) => feature.forms ?? []),
  ...SETUP_FORMS,
];

/**
 * Every button guyub puts in a message, by id: the features' (`Feature.actions`, in `FEATURES`
 * order), then setup's, then a conversation's (a form asked one question at a time); the adapters
 * route presses here through `handleInteraction` and never know what a button does.
 */
export const ACTIONS: readonly Action[] = [
  ...FEATURES.flatMap((feature) => feature.actions ?? []),
  ...SETUP_ACTIONS,
  ...conversationActions(FORMS),
];

/** Every action members take on a message (the Slack message shortcut, Discord's message command). */
export const MESSAGE_ACTIONS: readonly MessageAction[] = FEATURES.flatMap(
  (feature) => feature.messageActions ?? [],
);

export { type Action, defineAction, noArgs } from "./define.ts";
export { actionButton, formId, pack, unpack } from "./pack.ts";
export type {
  ActionContext,
  ActionResult,
  FieldErrors,
  FormDefinition,
  FormSubmission,
  FormValues,
} from "./types.ts";
