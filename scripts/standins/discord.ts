import { type Context, Hono } from "hono";
import { validateCommands } from "./discord-commands.ts";
import { checkMessage, DISCORD_BASE, fieldError, formError, route } from "./discord-http.ts";
import type { StandinState } from "./state.ts";

export { DISCORD_BASE };

/** A recipient whose DMs are closed: posting into its DM channel fails with 50007. */
export const DISCORD_DMS_CLOSED_USER = "100000000000000403";
/** The channel interaction follow-ups appear in (the stand-in does not know the real one). */
const INTERACTION_CHANNEL_ID = "100000000000000002";
const SNOWFLAKE = /^\d{1,20}$/;
type Obj = Record<string, unknown>;

/**
 * A stand-in of the Discord REST subset guyub calls, mounted at {@link DISCORD_BASE}: command
 * registration, channel messages, DM channels and interaction follow-ups, with Discord's auth,
 * validation errors and per-route rate-limit buckets (X-RateLimit-* headers, JSON 429s).
 */
export function createDiscordStandin(state: StandinState): Hono {
  const app = new Hono();
  const cfg = state.config;
  const author = () => ({ id: cfg.discordApplicationId, username: "guyub", discriminator: "0", bot: true });
  const message = (channelId: string, body: Obj): Obj => ({
    id: state.snowflake(),
    channel_id: channelId,
    type: 0,
    author: author(),
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_everyone: false,
    tts: body.tts === true,
    flags: body.flags ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
  });

  for (const [path, scopeOf] of [
    ["/applications/:appId/commands", () => "global"],
    ["/applications/:appId/guilds/:guildId/commands", (c: Context) => `guild:${c.req.param("guildId")}`],
  ] as const) {
    app.put(path, (c) =>
      route(c, state, { bucket: "commands", major: c.req.param("appId"), botAuth: true }, (body) => {
        if (c.req.param("appId") !== cfg.discordApplicationId)
          return [403, { message: "Missing Access", code: 50001 }];
        const errors = validateCommands(body);
        if (errors) return formError(errors);
        const previous = state.discordCommands.get(scopeOf(c)) ?? [];
        const saved = (body as Obj[]).map((cmd) => {
          const old = previous.find(
            (p) => (p as Obj).name === cmd.name && ((p as Obj).type ?? 1) === (cmd.type ?? 1),
          );
          const guildId = c.req.param("guildId");
          const base = {
            id: (old as Obj | undefined)?.id ?? state.snowflake(),
            application_id: cfg.discordApplicationId,
          };
          return {
            ...base,
            version: state.snowflake(),
            type: 1,
            default_member_permissions: null,
            nsfw: false,
            ...cmd,
            ...(guildId ? { guild_id: guildId } : {}),
          };
        });
        state.discordCommands.set(scopeOf(c), saved);
        return [200, saved];
      }),
    );
    app.get(path, (c) =>
      route(c, state, { bucket: "commands", major: c.req.param("appId"), botAuth: true }, () => [
        200,
        state.discordCommands.get(scopeOf(c)) ?? [],
      ]),
    );
  }

  app.post("/channels/:channelId/messages", (c) => {
    const channelId = c.req.param("channelId");
    return route(c, state, { bucket: "messages", major: channelId, botAuth: true }, (body) => {
      if (!SNOWFLAKE.test(channelId))
        return fieldError("channel_id", "NUMBER_TYPE_COERCE", `Value "${channelId}" is not snowflake.`);
      const invalid = checkMessage(body, true);
      if (invalid) return invalid;
      if (state.dmChannels.get(DISCORD_DMS_CLOSED_USER) === channelId)
        return [403, { message: "Cannot send messages to this user", code: 50007 }];
      const b = body as Obj;
      // enforce_nonce: a repeat within the window returns the first message instead of posting again.
      const nonceKey =
        b.enforce_nonce === true && b.nonce !== undefined ? `${channelId}:${String(b.nonce)}` : "";
      const earlier = nonceKey ? state.nonces.get(nonceKey) : undefined;
      if (earlier) return [200, earlier];
      const created = message(channelId, b);
      if (nonceKey) state.nonces.set(nonceKey, created);
      return [200, created];
    });
  });

  app.post("/users/@me/channels", (c) =>
    route(c, state, { bucket: "dm", major: "@me", botAuth: true }, (body) => {
      const recipient = String((body as Obj | null)?.recipient_id ?? "");
      if (!SNOWFLAKE.test(recipient))
        return fieldError("recipient_id", "NUMBER_TYPE_COERCE", `Value "${recipient}" is not snowflake.`);
      const id = state.dmChannels.get(recipient) ?? state.snowflake();
      state.dmChannels.set(recipient, id);
      return [
        200,
        {
          id,
          type: 1,
          last_message_id: null,
          recipients: [{ id: recipient, username: `user${recipient.slice(-4)}`, discriminator: "0" }],
        },
      ];
    }),
  );

  // Interaction follow-ups: the interaction token is the credential; `wait` is implied.
  const webhook = (c: Context, edit: boolean) => {
    const token = c.req.param("token") ?? "";
    return route(c, state, { bucket: "webhooks", major: token, botAuth: false }, (body) => {
      if (c.req.param("appId") !== cfg.discordApplicationId)
        return [404, { message: "Unknown Webhook", code: 10015 }];
      const invalid = checkMessage(body, !edit);
      if (invalid) return invalid;
      const sent: Obj = {
        ...message(INTERACTION_CHANNEL_ID, body as Obj),
        webhook_id: cfg.discordApplicationId,
        application_id: cfg.discordApplicationId,
      };
      if (!edit) return [200, sent];
      const id = state.interactionOriginals.get(token) ?? (sent.id as string);
      state.interactionOriginals.set(token, id);
      return [200, { ...sent, id, edited_timestamp: sent.timestamp }];
    });
  };
  app.post("/webhooks/:appId/:token", (c) => webhook(c, false));
  app.patch("/webhooks/:appId/:token/messages/@original", (c) => webhook(c, true));

  return app;
}
