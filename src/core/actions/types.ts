import type { z } from "zod";
import type { CommandContext } from "../commands/types.ts";
import type { Form, Message } from "../message.ts";
import type { Effect } from "../model.ts";

/** What an action or form handler may use: the same as a command's context. */
export type ActionContext = Omit<CommandContext, "registry">;

/** The answer to a button press or a form submission. */
export interface ActionResult {
  /** A private answer to the member who pressed (ephemeral). */
  readonly reply?: Message;
  /** A private answer built after the effects were applied, for one that reads what they wrote. */
  readonly replyAfter?: () => Promise<Message>;
  /** Replaces the message the button is on (e.g. a vote count). */
  readonly update?: Message;
  /** Opens a form (a Slack modal, a Discord modal); only an answer to a button can do this. */
  readonly form?: Form;
  readonly effects?: readonly Effect[];
  /**
   * Submits a form as its dialog would (a conversation's last answer): `handleInteraction` takes
   * the very path a modal's submission takes (moderator check, the form's `submit`, its effects
   * applied once), with `alsoOnSuccess` in the same batch.
   */
  readonly submit?: FormSubmission;
}

/** A form's answers handed in without a dialog. */
export interface FormSubmission {
  readonly formId: string;
  readonly args: readonly string[];
  readonly values: FormValues;
  readonly alsoOnSuccess: readonly Effect[];
}

/** A form submission that failed validation: field id → localized message. Nothing was saved. */
export interface FieldErrors {
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * One kind of button, defined once. Its id and arguments travel in the button itself
 * (`<id>:<community>:<arg>…`, at most `PACKED_MAX_BYTES`), so a press in a DM, which
 * carries no server or workspace, still names its community; the presser must be a stored
 * member of it before anything changes.
 */
export interface ActionDefinition<A extends z.ZodType<readonly string[]>> {
  /** Lowercase words joined by dots: `intro.open`, `rsvp.yes`. */
  readonly id: string;
  /** The arguments packed after the community id, validated before the handler runs. */
  readonly args: A;
  readonly moderator: boolean;
  /** Someone who stepped back (alumni) may press it too (erasing their data); default false. */
  readonly openToAlumni?: boolean;
  handle(ctx: ActionContext, args: z.output<A>): Promise<ActionResult> | ActionResult;
}

/** Submitted form values: text inputs as strings, selects as arrays of option values. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** One form, defined once: how it is built (with earlier answers) and what a submission does. */
export interface FormDefinition {
  /** Lowercase words joined by dots: `intro.about`. */
  readonly id: string;
  /**
   * Only moderators may submit (or reopen) it: checked by `handleInteraction` before `submit`,
   * as a button's flag is, so a form never has to check for itself.
   */
  readonly moderator: boolean;
  /** Builds the form for this member; `initial` refills answers (a reopened form keeps them). */
  build(ctx: ActionContext, initial: FormValues | null, args: readonly string[]): Promise<Form> | Form;
  /** Validates and applies a submission; field errors change nothing. */
  submit(
    ctx: ActionContext,
    values: FormValues,
    args: readonly string[],
  ): Promise<ActionResult | FieldErrors> | ActionResult | FieldErrors;
}
