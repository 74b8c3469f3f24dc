import { NUDGE_ACTIONS } from "../../features/nudges/actions.ts";
import { TOPIC_ACTIONS } from "../../features/topics/actions.ts";
import { TOPIC_REFRESH_ACTIONS } from "../../features/topics/choose-action.ts";
import { MEETING_ACTIONS } from "../meetings/actions.ts";
import { PROFILE_ACTIONS, PROFILE_FORMS } from "../profile/actions.ts";
import { ROTATION_ACTIONS, ROTATION_FORMS } from "../rotation/actions.ts";
import { SETUP_ACTIONS, SETUP_FORMS } from "../setup/forms.ts";
import type { Action } from "./define.ts";
import type { FormDefinition } from "./types.ts";

/**
 * Every button guyub puts in a message, by id. Features add theirs here (one line each); the
 * adapters route presses here through `handleInteraction` and never know what a button does.
 */
export const ACTIONS: readonly Action[] = [
  ...PROFILE_ACTIONS,
  ...NUDGE_ACTIONS,
  ...MEETING_ACTIONS,
  ...ROTATION_ACTIONS,
  ...TOPIC_ACTIONS,
  ...TOPIC_REFRESH_ACTIONS,
  ...SETUP_ACTIONS,
];

/** Every form guyub opens, by id. */
export const FORMS: readonly FormDefinition[] = [...PROFILE_FORMS, ...ROTATION_FORMS, ...SETUP_FORMS];

export { type Action, defineAction, noArgs } from "./define.ts";
export { actionButton, formId, pack, unpack } from "./pack.ts";
export type { ActionContext, ActionResult, FieldErrors, FormDefinition, FormValues } from "./types.ts";
