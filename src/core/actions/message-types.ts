import type { ActionContext, ActionResult } from "./types.ts";

/**
 * A message a member acted on from the message itself (Slack message shortcut, Discord message
 * context-menu command), as the platform handed it with the interaction: its text as it was.
 */
export interface TargetMessage {
  readonly channelId: string;
  /** Slack `ts`, Discord message id. */
  readonly messageId: string;
  readonly text: string;
  /** Null when the platform names no user (a Slack bot or app message). */
  readonly authorId: string | null;
  readonly authorName: string | null;
  /** Whether the author is a bot or an app (guyub included); null when the platform cannot tell. */
  readonly authorIsBot: boolean | null;
  /** A link to the message, where the platform gives enough to build one. */
  readonly link: string | null;
}

/**
 * An action on a message, defined once by a feature (`Feature.messageActions`); the adapters map
 * their own entry point to its id (Slack callback_id `report_message`, Discord's command name).
 */
export interface MessageAction {
  /** Lowercase words joined by dots: `report.message`. */
  readonly id: string;
  handle(ctx: ActionContext, target: TargetMessage): Promise<ActionResult> | ActionResult;
}
