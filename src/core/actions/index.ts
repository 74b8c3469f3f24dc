import { FEATURES } from "../../features/index.ts";
import { NUDGE_ACTIONS } from "../nudges/actions.ts";
import { SETUP_ACTIONS, SETUP_FORMS } from "../setup/forms.ts";
import { TOPIC_ACTIONS } from "../topics/actions.ts";
import { TOPIC_REFRESH_ACTIONS } from "../topics/choose-action.ts";
import type { Action } from "./define.ts";
import type { FormDefinition } from "./types.ts";

/**
 * Every button guyub puts in a message, by id: the moved features' (`Feature.actions`, in
 * `FEATURES` order), then those of features not moved yet (one line each); the
 * adapters route presses here through `handleInteraction` and never know what a button does.
 */
export const ACTIONS: readonly Action[] = [
  ...FEATURES.flatMap((feature) => feature.actions ?? []),
  ...NUDGE_ACTIONS,
  ...TOPIC_ACTIONS,
  ...TOPIC_REFRESH_ACTIONS,
  ...SETUP_ACTIONS,
];

/** Every form guyub opens, by id. */
export const FORMS: readonly FormDefinition[] = [
  ...FEATURES.flatMap((feature) => feature.forms ?? []),
  ...SETUP_FORMS,
];

export { type Action, defineAction, noArgs } from "./define.ts";
export { actionButton, formId, pack, unpack } from "./pack.ts";
export type { ActionContext, ActionResult, FieldErrors, FormDefinition, FormValues } from "./types.ts";
