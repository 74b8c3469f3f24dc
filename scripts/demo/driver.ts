/** What the demo's scenario asks of a platform: people doing things, the way the platform sends them. */

import type { CommandRoot } from "../../src/core/commands/roots.ts";

/** A simulated member: the same person on Slack, Discord and Telegram. */
export interface DemoMember {
  /** Short handle, e.g. `ayu`. */
  readonly handle: string;
  /** Display name, e.g. `Ayu`. */
  readonly name: string;
  readonly slackId: string;
  readonly discordId: string;
  /** A Telegram user id (a plain number). */
  readonly telegramId: string;
  readonly moderator?: boolean;
}

/** Answers for a form, by field id; fields not named keep their initial value or take the first option. */
export type FormAnswers = Record<string, string | string[]>;

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown> | null;
}

export interface Driver {
  readonly platform: "slack" | "discord" | "telegram";
  /**
   * False where the platform has no forms to submit in one go (Telegram asks a form as a private
   * conversation): the scenario's form steps are left out there, and say so.
   */
  readonly submitsForms?: boolean;
  /** The member's id on this platform. */
  idOf(member: DemoMember): string;
  /** The channel guyub posts to (chosen in setup). */
  mainChannel(): string;
  /** The member arrives (Slack: team_join; Discord: appears in the server's member list). */
  join(member: DemoMember): Promise<void>;
  /** The member writes something in the main channel (activity; the text is never read). */
  speak(member: DemoMember): Promise<void>;
  /**
   * `/cop <text>`, or `/copmod <text>` for a moderator's command: Slack's words (Discord turns them
   * into typed options of the `cop` or `copmod` application command).
   */
  command(member: DemoMember, text: string, root?: CommandRoot): Promise<Reply>;
  /** Presses the newest button of `action` (with `arg` among its arguments) in the member's DM or the main channel. */
  press(member: DemoMember, where: "dm" | "main", action: string, arg?: string): Promise<Reply>;
  /** Submits the form guyub last opened for the member. */
  submit(member: DemoMember, answers: FormAnswers): Promise<Reply>;
}

/**
 * A form a platform asks as a conversation, which the demo cannot answer yet: the step it is in
 * stops there and the transcript says the rest was left out (play.ts).
 */
export class ConversationForm extends Error {}
