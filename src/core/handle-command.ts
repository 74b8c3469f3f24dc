import type { Action } from "./actions/define.ts";
import { opensAsModal } from "./actions/form-place.ts";
import type { FormDefinition } from "./actions/types.ts";
import { errorReply } from "./commands/error-reply.ts";
import { registry as defaultRegistry, type Registry } from "./commands/index.ts";
import type { CommandPlace } from "./commands/place.ts";
import { runCommand, type ValidCommand, validateInvocation } from "./commands/run.ts";
import type { CommandSyntax, Invocation } from "./commands/types.ts";
import { startConversation } from "./conversation/runner.ts";
import { CommandError, DuplicateDeliveryError } from "./errors.ts";
import { type Locale, translator } from "./i18n/index.ts";
import type { JobStarter } from "./job-starter.ts";
import type { PlatformDirectory } from "./membership/directory.ts";
import { welcomeOnFirstContact } from "./membership/first-contact.ts";
import { ephemeral, type Form, type Message } from "./message.ts";
import type { Community, Contact, Effect } from "./model.ts";
import type { PlatformTraits } from "./platform.ts";
import type { CommunityStore, DeliveryQueue, PlatformAuthority } from "./ports.ts";
import type { Sealer } from "./sealer.ts";
import { moderatorResolver, openSession } from "./session.ts";
import type { UpcomingWork } from "./setup/ports.ts";

export interface CoreDeps {
  readonly store: CommunityStore;
  readonly now: () => Date;
  readonly registry?: Registry;
  /** Where new outgoing messages go once committed (the OUTBOX queue). */
  readonly queue?: DeliveryQueue;
  /** The buttons and forms (tests add their own; default: every feature's). */
  readonly interactions?: InteractionRegistry;
  /** Starts a job now (the JOBS queue), for commands such as `/copmod onboarding sync`. */
  readonly jobs?: JobStarter;
  /** The scheduler's next runs (the setup checklist); absent where jobs are not wired. */
  readonly upcoming?: UpcomingWork;
  /** Seals text kept at rest (reports); absent where no key ring is wired. */
  readonly sealer?: Sealer;
  /** This deployment's public address, for links to its pages (`/copmod dashboard`). */
  readonly publicUrl?: string;
}

/** Buttons and forms by id, as `handleInteraction` looks them up. */
export interface InteractionRegistry {
  readonly actions: readonly Action[];
  readonly forms: readonly FormDefinition[];
}

/** A command as an adapter hands it to core. */
export interface CommandRequest {
  readonly contact: Contact;
  /** What the platform can do; `traits.id` is `contact.platform`. */
  readonly traits: PlatformTraits;
  readonly syntax: CommandSyntax;
  /** How this platform tells whether the member moderates (besides guyub's list). */
  authority(community: Community): PlatformAuthority;
  /** Parses the platform's payload into an invocation; throws CommandError on bad input. */
  parse(registry: Registry): Invocation;
  /** The platform's id of this delivery (Slack trigger_id, Discord interaction id), for exactly-once effects. */
  readonly ingressKey?: string;
  /** Where the command was typed and who is a bot there (Slack `channel_id` and `users.info`, Discord the payload). */
  readonly place?: CommandPlace;
  /** The speaker's time zone, if the platform can tell (Slack); a schedule's default zone. */
  readonly actorTimezone?: () => Promise<string | null>;
  /** The languages the platform says the speaker and the place use (Discord `locale`, `guild_locale`). */
  readonly languageHints?: readonly string[];
  /** The platform's answers about users and channels (`moderators add`, `onboarding channel`). */
  readonly directory?: PlatformDirectory;
  /** A token for private follow-ups to this command and how long the platform honours it. */
  readonly followupToken?: { readonly token: string; readonly validForMs: number };
}

/**
 * The whole life of a command, platform-neutral: register the speaker, parse, authorize,
 * run, and answer in the community's language. Bad input becomes a localized ephemeral
 * reply; unexpected failures become a polite apology (and are logged), never a stack trace.
 */
export async function handleCommand(deps: CoreDeps, request: CommandRequest): Promise<CommandAnswer> {
  const registry = deps.registry ?? defaultRegistry;
  const now = deps.now();
  let locale: Locale = request.contact.initialLocale;
  try {
    // Read who is speaking (from the isolate's cache when it can) without writing anything yet:
    // input that does not parse or validate is answered in the community's language and
    // changes nothing, not even a first-contact row.
    const found = await deps.store.find(request.contact);
    let t = translator(found.community?.locale ?? locale);
    locale = t.locale;
    let valid: ValidCommand;
    try {
      valid = validateInvocation(registry, request.traits, request.parse(registry));
    } catch (error) {
      if (error instanceof CommandError) return { message: errorReply(error, t, request.syntax, registry) };
      throw error;
    }
    // A moderator command is authorized and run on state read from D1 just now, never on an
    // isolate's cached copy: a moderator removed elsewhere a second ago is refused here.
    const fresh = found.cached === true && valid.command.moderator;
    let session = await openSession(deps.store, request.contact, now, fresh ? undefined : found);
    if (session.member === null) {
      // They asked guyub to forget them here: only their own `/cop join` brings them back.
      if (!valid.command.revivesForgotten) return { message: forgottenRefused(session.community, request) };
      session = await openSession(deps.store, request.contact, now, session, { revive: true });
      if (session.member === null) return { message: forgottenRefused(session.community, request) };
    }
    const { community, member, created, founder } = session;
    // Someone guyub never met is a newcomer to welcome unless they were here before guyub (only on
    // a first contact: not the hot path).
    if (created && !founder) await welcomeOnFirstContact(deps, community, member, now);
    t = translator(community.locale);
    locale = t.locale;
    const ctx = {
      platform: request.contact.platform,
      traits: request.traits,
      community,
      member,
      t,
      now,
      syntax: request.syntax,
      registry,
      store: deps.store,
      jobs: deps.jobs,
      upcoming: deps.upcoming,
      sealer: deps.sealer,
      ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
      place: request.place,
      directory: request.directory,
      ...(request.actorTimezone ? { actorTimezone: request.actorTimezone } : {}),
      ...(request.languageHints ? { languageHints: request.languageHints } : {}),
      ...(request.ingressKey ? { ingressKey: request.ingressKey } : {}),
      // Its validity counted from the injected clock, as every other time.
      ...(request.followupToken
        ? {
            followupToken: {
              token: request.followupToken.token,
              expiresAt: new Date(now.getTime() + request.followupToken.validForMs),
            },
          }
        : {}),
      moderatorStatus: moderatorResolver(deps.store, member, request.authority(community), now),
    };
    try {
      const result = await runCommand(
        ctx,
        { store: deps.store, queue: deps.queue, ingressKey: request.ingressKey },
        valid,
      );
      if (!result.form) return { message: result.message };
      if (opensAsModal(request.traits)) return { message: result.message, form: result.form };
      // No dialogs here: the form is asked as a conversation, its first question the answer.
      const started = await startConversation(ctx, result.form);
      await applyStarted(deps, community, started.effects, now, request.ingressKey);
      return { message: started.reply };
    } catch (error) {
      if (error instanceof CommandError) return { message: errorReply(error, t, request.syntax, registry) };
      throw error;
    }
  } catch (error) {
    console.error("command failed", error);
    return { message: apology(locale) };
  }
}

/**
 * A conversation's first draft, in its own batch after the command's (a form-opening command
 * changes nothing itself); keyed on the command's delivery, so a retried command starts it once.
 */
async function applyStarted(
  deps: CoreDeps,
  community: Community,
  effects: readonly Effect[],
  now: Date,
  ingressKey: string | undefined,
): Promise<void> {
  try {
    await deps.store.apply(
      community,
      effects,
      null,
      now,
      ingressKey ? { ingressKey: `${ingressKey}:form` } : {},
    );
  } catch (error) {
    if (!(error instanceof DuplicateDeliveryError)) throw error;
  }
}

/** What a command answers: a message, or a form to open (with the message as its fallback). */
export interface CommandAnswer {
  readonly message: Message;
  readonly form?: Form;
}

/** The answer to someone on the forgotten list: nothing was done, and the way back. */
/** The private answer to someone on the forgotten list: only their own `/cop join` brings them back. */
export function forgottenRefused(community: Community, request: { syntax: { prefix: string } }): Message {
  const t = translator(community.locale);
  return ephemeral({
    type: "text",
    text: t("privacy.forgottenRefused", { usage: `${request.syntax.prefix} join` }),
  });
}

/** The reply when something on our side failed: nothing changed, try again. */
export function apology(locale: Locale): Message {
  return ephemeral({ type: "text", text: translator(locale)("error.internal") });
}
