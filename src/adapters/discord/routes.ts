import { InteractionResponseType, InteractionType } from "discord-interactions";
import { Hono } from "hono";
import { DEFAULT_DISCORD_API_URL } from "../../api-defaults.ts";
import { errorReply } from "../../core/commands/error-reply.ts";
import { registry } from "../../core/commands/index.ts";
import { CommandError, HttpError } from "../../core/errors.ts";
import { type CoreDeps, handleCommand } from "../../core/handle-command.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import type { PlatformDirectory } from "../../core/membership/directory.ts";
import type { Message } from "../../core/message.ts";
import type { CommunityStore } from "../../core/ports.ts";
import type { AppEnv } from "../../env.ts";
import { withinDeadline } from "../deadline.ts";
import type { HotHandler } from "../hot-routes.ts";
import { readRawBody } from "../read-body.ts";
import { jsonResponse, sharedRender } from "../shared-render.ts";
import { assertVerified } from "../verify-result.ts";
import { createDiscordClient } from "./client.ts";
import { discordCommandPlace } from "./command-place.ts";
import { DISCORD_SYNTAX } from "./commands.ts";
import { onDiscordEvent } from "./events.ts";
import { onComponent } from "./interactions.ts";
import { createDiscordLookups } from "./lookups.ts";
import { isMessageCommand, onMessageCommand } from "./message-command.ts";
import { discordAuthority, discordContact, invocationFromOptions, localeFrom } from "./parse.ts";
import type { DiscordInteraction } from "./payloads.ts";
import { parseInteraction } from "./quick-payload.ts";
import { EPHEMERAL, renderDiscordMessage } from "./render.ts";
import { renderDiscordModal } from "./render-form.ts";
import { DISCORD_TRAITS } from "./traits.ts";
import { verifyDiscordRequest } from "./verify.ts";

/** The answer to a command; a shared (frozen) message, such as a cached help page, is built once. */
const sharedReply = sharedRender((message: Message) => ({
  type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
  data: renderDiscordMessage(message),
}));

export interface DiscordRouteOptions {
  readonly core: (env: AppEnv) => CoreDeps;
  /** The clock request signatures are checked against. */
  readonly verifyNow: () => Date;
  readonly replyDeadlineMs?: number;
}

type Env = { Bindings: AppEnv };
const SYNTAX = DISCORD_SYNTAX;

/**
 * `POST /discord/interactions`: verify, then PING, commands, components and modal submits.
 * `POST /discord/events`: verify, then webhook events (events.ts).
 */
export function discordRoutes(options: DiscordRouteOptions): {
  routes: Hono<Env>;
  interactions: HotHandler;
} {
  const routes = new Hono<Env>();

  // Webhook events are signed like interactions, with the same key and headers.
  routes.post("/events", async (c) => {
    const raw = await verifiedBody(c.req.raw, c.env, options.verifyNow());
    return onDiscordEvent(c, raw, options.core(c.env).now());
  });

  // Also answered before Hono's router (hot-routes.ts): every interaction comes here.
  const interactions: HotHandler = async (request, env, waitUntil) => {
    const raw = await verifiedBody(request, env, options.verifyNow());
    const parsed = parseInteraction(parseJson(raw));
    if (!parsed.success) throw new HttpError("malformed_payload", "Not a Discord interaction payload.");
    const interaction = parsed.data;

    switch (interaction.type) {
      case InteractionType.PING:
        return jsonResponse({ type: InteractionResponseType.PONG });
      case InteractionType.APPLICATION_COMMAND:
        if (isMessageCommand(interaction))
          return jsonResponse(
            await onMessageCommand(interaction, options.core(env), directoryFor(interaction, env).directory),
          );
        // The bytes of a shared (frozen) answer are serialised once per isolate.
        return jsonResponse(await onCommand(interaction, env, waitUntil, options));
      case InteractionType.APPLICATION_COMMAND_AUTOCOMPLETE:
        return jsonResponse({
          type: InteractionResponseType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
          data: { choices: [] },
        });
      default: {
        // Buttons and modal submits: core's one handler decides; an unknown one gets a polite note.
        const core = options.core(env);
        const fallbackLocale = await replyLocale(interaction, core.store);
        const { directory } = directoryFor(interaction, env);
        return jsonResponse(
          await onComponent(interaction, core, fallbackLocale, options.replyDeadlineMs ?? 2000, directory),
        );
      }
    }
  };
  routes.post("/interactions", (c) => interactions(c.req.raw, c.env, (p) => c.executionCtx.waitUntil(p)));

  return { routes, interactions };
}

async function onCommand(
  interaction: DiscordInteraction,
  env: AppEnv,
  waitUntil: (promise: Promise<unknown>) => void,
  options: DiscordRouteOptions,
): Promise<object> {
  const reply = (data: object) => ({ type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data });
  const guildId = interaction.guild_id;
  if (!guildId) {
    const t = translator(localeFrom(interaction.locale));
    return reply(renderDiscordMessage(errorReply(new CommandError("guild_only"), t, SYNTAX, registry)));
  }
  const work = handleCommand(options.core(env), {
    contact: discordContact({ ...interaction, guild_id: guildId }),
    traits: DISCORD_TRAITS,
    syntax: SYNTAX,
    authority: (community) => discordAuthority(interaction, community),
    // `data.name` is the top-level command: `cop` or `copmod` (a word under the other is refused).
    parse: () => invocationFromOptions(interaction.data?.name, interaction.data?.options),
    // A replayed interaction (same id, signed within five minutes) changes nothing a second time.
    ingressKey: `discord:interaction:${interaction.id}`,
    place: discordCommandPlace(interaction),
    // The member's client language and the server's: the first setup form opens in Indonesian.
    languageHints: [interaction.locale, interaction.guild_locale].filter((l): l is string => Boolean(l)),
    // Discord honours an interaction token for follow-ups for 15 minutes.
    ...(interaction.token ? { followupToken: { token: interaction.token, validForMs: 15 * 60_000 } } : {}),
    ...directoryFor(interaction, env),
  });
  const early = await withinDeadline(work, options.replyDeadlineMs ?? 2000);
  // A form is the answer itself (a type-9 modal); after a deferral it can no longer be opened.
  if (early.done && early.value.form) return renderDiscordModal(early.value.form);
  if (early.done) return sharedReply(early.value.message);

  // Slow: defer (ephemeral "thinking…") and edit the original reply when the answer is ready.
  const client = createDiscordClient(env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL);
  const token = interaction.token ?? "";
  waitUntil(
    work
      .then((answer) =>
        client.editOriginal(interaction.application_id, token, renderDiscordMessage(answer.message)),
      )
      .catch((error: unknown) => console.error("discord follow-up failed", error)),
  );
  return { type: InteractionResponseType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, data: { flags: EPHEMERAL } };
}

/**
 * The language of a reply that does not go through core (components, modal submits): the
 * community's own once guyub knows the server, else the language a new community would start
 * in. Read only, so a stray button press registers nobody; a failed read falls back, because
 * this note is not worth an error.
 */
async function replyLocale(interaction: DiscordInteraction, store: CommunityStore): Promise<Locale> {
  const guildId = interaction.guild_id;
  if (!guildId) return localeFrom(interaction.locale);
  const contact = discordContact({ ...interaction, guild_id: guildId });
  try {
    return (await store.find(contact)).community?.locale ?? contact.initialLocale;
  } catch (error) {
    console.error("discord: community language look-up failed", error);
    return contact.initialLocale;
  }
}

/**
 * The server's directory for a guild interaction (who is a member, can guyub post in a channel),
 * asked with the bot token; none in a DM or without a token, and then core cannot tell.
 */
function directoryFor(interaction: DiscordInteraction, env: AppEnv): { directory?: PlatformDirectory } {
  if (!interaction.guild_id || !env.DISCORD_BOT_TOKEN) return {};
  return {
    directory: createDiscordLookups({
      apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
      botToken: env.DISCORD_BOT_TOKEN,
      guildId: interaction.guild_id,
      // A bot user has its application's id.
      botId: interaction.application_id,
    }),
  };
}

/** The raw body of a request Discord signed, or a 401 (a 5xx when the key itself is wrong). */
async function verifiedBody(request: Request, env: AppEnv, now: Date): Promise<string> {
  const raw = await readRawBody(request);
  if (!env.DISCORD_PUBLIC_KEY || !/^[0-9a-f]{64}$/i.test(env.DISCORD_PUBLIC_KEY)) {
    // A wrong key would make every request fail inside the crypto import: say what is wrong instead.
    throw new HttpError(
      "not_configured",
      "DISCORD_PUBLIC_KEY must be the application's 64-hex-digit public key.",
    );
  }
  const verified = await verifyDiscordRequest(
    env.DISCORD_PUBLIC_KEY,
    {
      signature: request.headers.get("x-signature-ed25519"),
      timestamp: request.headers.get("x-signature-timestamp"),
      rawBody: raw,
    },
    now,
  );
  assertVerified(verified, "Discord");
  return raw;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
