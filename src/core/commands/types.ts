import type { z } from "zod";
import type { PlainKey, Translator } from "../i18n/index.ts";
import type { JobStarter } from "../job-starter.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import type { Form, Message } from "../message.ts";
import type { Community, Effect, Member, PlatformId } from "../model.ts";
import type { PlatformAbility, PlatformTraits } from "../platform.ts";
import type { CommunityStore, FeatureReads } from "../ports.ts";
import type { Sealer } from "../sealer.ts";
import type { UpcomingWork } from "../setup/ports.ts";
import type { ArgsOf, OptionMap } from "./options.ts";
import type { CommandPlace } from "./place.ts";

// The command types that refer to one another (a context holds the registry, the registry holds
// commands, a command takes a context) live here together, so no two files import each other.
import type { CommandRoot } from "./roots.ts";

export type ModeratorStatus = "moderator" | "member" | "unknown";

/** How a platform writes a command: `/copmod language id` (positional) or `/copmod language language:id` (named). */
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
  /** What the platform can do (forms, roles, ids…): core asks these, never the platform's id. */
  readonly traits: PlatformTraits;
  readonly community: Community;
  readonly member: Member;
  readonly t: Translator;
  readonly now: Date;
  readonly syntax: CommandSyntax;
  readonly registry: Registry;
  readonly store: Pick<CommunityStore, "listModerators" | "deliveryReport" | "readFormDraft"> & FeatureReads;
  /** Where the command was typed and who is a bot there; absent when the adapter does not say. */
  readonly place?: CommandPlace;
  /** The platform's answers about users and channels; absent where the adapter gives none (then: cannot tell). */
  readonly directory?: PlatformDirectory;
  /** Starts a job now (`/copmod onboarding sync`); absent where no JOBS queue is bound. */
  readonly jobs?: JobStarter;
  /** The scheduler's next runs for the setup checklist; absent where jobs are not wired. */
  readonly upcoming?: UpcomingWork;
  /** Seals text kept at rest (a report's snapshot and reasons); absent where no key ring is wired. */
  readonly sealer?: Sealer;
  /** This deployment's public address (`PUBLIC_URL`), for links to its own pages; absent where unset. */
  readonly publicUrl?: string;
  /** The speaker's own time zone where the platform tells it (Slack `users.info` `tz`); asked only when needed. */
  actorTimezone?(): Promise<string | null>;
  /** The languages the platform says the speaker and the place use (Discord `locale`, `guild_locale`). */
  readonly languageHints?: readonly string[];
  /**
   * A private follow-up to this very command (Discord's interaction token), valid until `expiresAt`:
   * it reaches the member even with closed DMs. Absent where the adapter gives none.
   */
  readonly followupToken?: { readonly token: string; readonly expiresAt: Date };
  /** The platform's id of this delivery: an outbox key built on it is the same on a retry. */
  readonly ingressKey?: string;
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

/** An example value that reads differently per language ("Large classes", "Kelas besar"). */
export interface LocalizedExample {
  readonly key: PlainKey;
}

/** One command, defined once: the source of Discord registration, Slack parsing and help. */
export interface CommandDefinition<O extends OptionMap> {
  /** One word (`help`) or a group and a subcommand (`moderators add`). */
  readonly path: readonly [string] | readonly [string, string];
  readonly summary: PlainKey;
  readonly options: O;
  readonly moderator: boolean;
  /** Only on platforms with this ability (`moderators role` requires `roles`). */
  readonly requires?: PlatformAbility;
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
   * Someone who asked guyub to forget them may use it, and it brings them back as a fresh member
   * (`join`). Every other command answers them "you asked to be forgotten" and writes nothing.
   */
  readonly revivesForgotten?: boolean;
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
  readonly requires?: PlatformAbility;
  readonly example: Readonly<Record<string, string | LocalizedExample | undefined>>;
  readonly groupDefault: boolean;
  readonly openToAlumni: boolean;
  readonly revivesForgotten: boolean;
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

export type Resolution =
  | { readonly kind: "command"; readonly command: Command; readonly consumed: number }
  | { readonly kind: "unknown"; readonly input: string }
  | {
      readonly kind: "incomplete";
      readonly group: string;
      readonly choices: readonly Command[];
      /** The root the group word was read under (help, which reads both, leaves it out). */
      readonly root?: CommandRoot;
    };

export type Tree = (
  | { kind: "command"; command: Command }
  | { kind: "group"; name: string; commands: Command[] }
)[];

/**
 * The command tree of each root (`cop`, `copmod`: see roots.ts): single words and groups of
 * subcommands, two levels at most. A group word with both kinds of commands is a group under each
 * root, holding that root's subcommands; a group default belongs to its command's root.
 */
export interface Registry {
  readonly commands: readonly Command[];
  find(path: readonly string[]): Command | undefined;
  /** Commands available on a platform, in definition order. */
  forPlatform(platform: PlatformTraits): Command[];
  /** One root's top-level words in order: a command or a group with its subcommands. */
  tree(platform: PlatformTraits, root: CommandRoot): Tree;
  /** The summary of a group word (`moderators`), for help and Discord registration. */
  groupSummary(group: string): PlainKey;
  /**
   * Finds the command named by leading words (`moderators add …`) under one root, allowing a group
   * default; with no root, under both (help explains any word).
   */
  resolve(
    platform: PlatformTraits,
    words: readonly string[],
    allowGroupDefault: boolean,
    root?: CommandRoot,
  ): Resolution;
}
