import { type Context, Hono } from "hono";
import { validateCommands } from "./discord-commands.ts";
import { attachmentsOf } from "./discord-files.ts";
import { addGuildRoutes } from "./discord-guilds.ts";
import { checkMessage, DISCORD_BASE, formError, route } from "./discord-http.ts";
import { addLookupRoutes } from "./discord-lookups.ts";
import { addMessageRoutes, newMessage } from "./discord-messages.ts";
import type { StandinState } from "./state.ts";
import { discordLine } from "./transcript.ts";

export { DISCORD_DMS_CLOSED_USER } from "./access.ts";
export { DISCORD_BASE };

/** The channel interaction follow-ups appear in (the stand-in does not know the real one). */
const INTERACTION_CHANNEL_ID = "100000000000000002";
type Obj = Record<string, unknown>;

/**
 * A stand-in of the Discord REST subset guyub calls, mounted at {@link DISCORD_BASE}: command
 * registration, channel messages (create, edit, list), DM channels, guild members and interaction
 * follow-ups, with Discord's auth, validation errors and per-route rate-limit buckets
 * (X-RateLimit-* headers, JSON 429s).
 */
export function createDiscordStandin(state: StandinState): Hono {
  const app = new Hono();
  // Read afresh on every call: POST /__config and /__reset replace the live config.
  const appId = () => state.config.discordApplicationId;

  for (const [path, scopeOf] of [
    ["/applications/:appId/commands", () => "global"],
    ["/applications/:appId/guilds/:guildId/commands", (c: Context) => `guild:${c.req.param("guildId")}`],
  ] as const) {
    app.put(path, (c) =>
      route(c, state, { bucket: "commands", major: c.req.param("appId"), botAuth: true }, (body) => {
        if (c.req.param("appId") !== appId()) return [403, { message: "Missing Access", code: 50001 }];
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
            application_id: appId(),
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

  addMessageRoutes(app, state);
  addGuildRoutes(app, state);
  addLookupRoutes(app, state);

  // Interaction follow-ups: the interaction token is the credential; `wait` is implied.
  const webhook = (c: Context, edit: boolean) => {
    const token = c.req.param("token") ?? "";
    return route(c, state, { bucket: "webhooks", major: token, botAuth: false }, (body) => {
      if (c.req.param("appId") !== appId()) return [404, { message: "Unknown Webhook", code: 10015 }];
      const invalid = checkMessage(body, !edit);
      if (invalid) return invalid;
      // Follow-ups take files as Discord's "Create Followup Message" does: multipart with
      // `payload_json` and `files[n]` (read by `route`), named by `attachments`.
      const files = attachmentsOf(state, body as Obj);
      if ("error" in files) return files.error;
      const sent: Obj = {
        ...newMessage(state, INTERACTION_CHANNEL_ID, body as Obj),
        attachments: files.attachments,
        webhook_id: appId(),
        application_id: appId(),
      };
      state.say(discordLine("interaction", body, edit ? "original" : undefined));
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
