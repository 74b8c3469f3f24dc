import type { z } from "zod";
import type { PlainKey, Translator } from "../i18n/index.ts";
import type { CommandPlace } from "../kudos/ports.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import type { JobStarter } from "../membership/ports.ts";
import type { Form, Message } from "../message.ts";
import type { Community, Effect, Member, PlatformId } from "../model.ts";
import type { CommunityStore } from "../ports.ts";
import type { UpcomingWork } from "../setup/ports.ts";
import type { ArgsOf, OptionMap } from "./options.ts";
import type { Registry } from "./registry.ts";
import type { CommandRoot } from "./roots.ts";
import type { LocalizedExample } from "./syntax.ts";

export type ModeratorStatus = "moderator" | "member" | "unknown";

/** How a platform writes a command: `/cop language id` (positional) or `/cop language language:id` (named). */
export interface CommandSyntax {
  /** The member root as typed here: `/cop` (a staging Slack app may have `/cop-dev`). */
  readonly prefix: string;
  /** The moderator root as typed here: `/copmod`. Every moderator command is shown with it. */
  readonly moderatorPrefix: string;
  readonly namedOptions: boolean;
}

/** Everything a handler may use. No platform types, no HTTP, no SQL. */
export interface CommandContext {
  readonly platform: PlatformId;
  readonly community: Community;
  readonly member: Member;
  readonly t: Translator;
  readonly now: Date;
  readonly syntax: CommandSyntax;
  readonly registry: Registry;
  readonly store: Pick<
    CommunityStore,
    | "listModerators"
    | "deliveryReport"
    | "profiles"
    | "membership"
    | "meetings"
    | "nudges"
    | "topics"
    | "rotation"
    | "topicRefresh"
    | "readFormDraft"
  > &
    Pick<CommunityStore, "kudos" | "digest">;
  /** Where the command was typed and who is a bot there (kudos); absent when the adapter does not say. */
  readonly place?: CommandPlace;
  /** The platform's answers about users and channels; absent where the adapter gives none (then: cannot tell). */
  readonly directory?: PlatformDirectory;
  /** Starts a job now (`/cop onboarding sync`); absent where no JOBS queue is bound. */
  readonly jobs?: JobStarter;
  /** The scheduler's next runs for the setup checklist; absent where jobs are not wired. */
  readonly upcoming?: UpcomingWork;
  /** The speaker's own time zone where the platform tells it (Slack `users.info` `tz`); asked only when needed. */
  actorTimezone?(): Promise<string | null>;
  /** The languages the platform says the speaker and the place use (Discord `locale`, `guild_locale`). */
  readonly languageHints?: readonly string[];
  /**
   * Asks (once, cached) whether the member moderates; platform look-ups happen only when needed.
   * `fresh`: ask the platform now rather than trust an answer cached on the member (for changes).
   */
  moderatorStatus(options?: { readonly fresh?: boolean }): Promise<ModeratorStatus>;
}

export interface CommandResult {
  readonly message: Message;
  readonly effects?: readonly Effect[];
  /**
   * A form to open instead of replying (`/cop profile edit`). Slack opens it as a modal with the
   * command's trigger_id; Discord answers the command with the modal itself. `message` is still
   * needed: it is shown when the form cannot be opened.
   */
  readonly form?: Form;
  /**
   * The reply, built once the effects were applied, for a command whose outcome the database
   * decides (a kudos refused by the daily limit inside its INSERT). `duplicate`: this delivery
   * was seen before, so nothing was applied now. Replaces `message`.
   */
  readonly replyAfter?: (applied: { readonly duplicate: boolean }) => Promise<Message>;
}

/** One command, defined once: the source of Discord registration, Slack parsing and help. */
export interface CommandDefinition<O extends OptionMap> {
  /** One word (`help`) or a group and a subcommand (`moderators add`). */
  readonly path: readonly [string] | readonly [string, string];
  readonly summary: PlainKey;
  readonly options: O;
  readonly moderator: boolean;
  /** Limits the command to some platforms (`moderators role` is Discord-only). */
  readonly platforms?: readonly PlatformId[];
  /** Example values for help and error messages; keys are option names. */
  readonly example: { readonly [K in keyof O]?: string | LocalizedExample };
  /** Run this subcommand when a platform that allows it (Slack) gets the group word alone. */
  readonly groupDefault?: boolean;
  /**
   * Someone who stepped back (alumni) may use it: `help`, `join`, `leave`. Every other command
   * answers them "you stepped back; /cop join to return" and changes nothing.
   */
  readonly openToAlumni?: boolean;
  /**
   * A moderator command that only shows something (`members`, `delivery status`): authorized on
   * a platform answer cached for up to an hour. Every other moderator command asks afresh, so an
   * admin demoted a minute ago changes nothing; a read-only command's effects are never applied.
   */
  readonly readOnly?: boolean;
  handle(ctx: CommandContext, args: ArgsOf<O>): Promise<CommandResult> | CommandResult;
}

/** A command with its argument types erased, as the registry holds it. */
export interface Command {
  readonly path: readonly string[];
  readonly name: string;
  readonly summary: PlainKey;
  readonly options: OptionMap;
  readonly moderator: boolean;
  readonly platforms?: readonly PlatformId[];
  readonly example: Readonly<Record<string, string | LocalizedExample | undefined>>;
  readonly groupDefault: boolean;
  readonly openToAlumni: boolean;
  readonly readOnly: boolean;
  readonly schema: z.ZodType<Record<string, unknown>>;
  handle(ctx: CommandContext, args: Record<string, unknown>): Promise<CommandResult> | CommandResult;
}

/** An invocation a platform adapter parsed: which command and the raw option values. */
export interface Invocation {
  /**
   * The top-level command it came under (Discord's `data.name`, Slack's slash command once the
   * compatibility of `/cop` with moderator words is applied); a command under the other root is
   * refused. Absent where the adapter cannot tell (then any root).
   */
  readonly root?: CommandRoot;
  readonly path: readonly string[];
  readonly args: Readonly<Record<string, unknown>>;
}
