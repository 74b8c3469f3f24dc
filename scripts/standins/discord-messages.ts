/**
 * Discord channel messages and DM channels: create, edit and list messages (one `messages` bucket
 * per channel for creates and edits, a `history` bucket for reads), and open DM channels.
 */
import type { Hono } from "hono";
import { discordChannelDenied, discordDmDenied } from "./access.ts";
import { attachmentsOf } from "./discord-files.ts";
import { checkMessage, fieldError, type Reply, route } from "./discord-http.ts";
import { postDenied, readDenied } from "./discord-world.ts";
import { remember, type StandinState } from "./state.ts";
import { discordLine, short } from "./transcript.ts";

type Obj = Record<string, unknown>;
export const SNOWFLAKE = /^\d{1,20}$/;

/**
 * How long Discord honours an `enforce_nonce` create: "the past few minutes" in its docs, with no
 * number given. Five minutes here (platform time, divided by the time scale like every window).
 */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** A message as Discord returns it, authored by the bot. */
export function newMessage(state: StandinState, channelId: string, body: Obj): Obj {
  const cfg = state.config;
  return {
    id: state.snowflake(),
    channel_id: channelId,
    type: 0,
    author: { id: cfg.discordApplicationId, username: "guyub", discriminator: "0", bot: true },
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
  };
}

/** How the transcript names a channel: `DM <recipient>` for DM channels, else `#<id>`. */
function target(state: StandinState, channelId: string): string {
  for (const [recipient, dm] of state.dmChannels) if (dm === channelId) return `DM ${short(recipient)}`;
  return `#${short(channelId)}`;
}

/** Snowflake check and lost access, the first things every channel route answers. */
function channelProblem(state: StandinState, channelId: string): Reply | undefined {
  if (!SNOWFLAKE.test(channelId))
    return fieldError("channel_id", "NUMBER_TYPE_COERCE", `Value "${channelId}" is not snowflake.`);
  return discordChannelDenied(state, channelId);
}

/**
 * A create's `message_reference`, as Discord reads it: the message must be in this channel; one
 * that does not exist fails the create (50035, "Unknown message") unless `fail_if_not_exists` is
 * false, and then the message goes out as a plain one (null here).
 */
function replyTo(
  state: StandinState,
  channelId: string,
  reference: unknown,
): { message_id: string; channel_id: string } | { error: Reply } | null {
  if (reference === undefined || reference === null) return null;
  const ref = reference as Obj;
  const id = typeof ref.message_id === "string" ? ref.message_id : "";
  const stored = state.discordMessages.get(id);
  if (stored && stored.channel_id === channelId) return { message_id: id, channel_id: channelId };
  if (ref.fail_if_not_exists === false) return null;
  return { error: fieldError("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message") };
}

export function addMessageRoutes(app: Hono, state: StandinState): void {
  app.post("/channels/:channelId/messages", (c) => {
    const channelId = c.req.param("channelId");
    return route(c, state, { bucket: "messages", major: channelId, botAuth: true }, (body) => {
      const problem = channelProblem(state, channelId) ?? checkMessage(body, true);
      if (problem) return problem;
      const isDm = [...state.dmChannels.values()].includes(channelId);
      const denied = isDm ? discordDmDenied(state, channelId) : postDenied(state, channelId);
      if (denied) return denied;
      const b = body as Obj;
      const reference = replyTo(state, channelId, b.message_reference);
      if (reference && "error" in reference) return reference.error;
      // enforce_nonce: a repeat within the window returns the first message instead of posting
      // again; after the window Discord posts it again, and so does the stand-in.
      const nonceKey =
        b.enforce_nonce === true && b.nonce !== undefined ? `${channelId}:${String(b.nonce)}` : "";
      const earlier = nonceKey ? state.nonces.get(nonceKey) : undefined;
      const windowMs = NONCE_WINDOW_MS / state.config.timeScale;
      if (earlier && Date.now() - earlier.at < windowMs) return [200, earlier.message];
      const files = attachmentsOf(state, b);
      if ("error" in files) return files.error;
      const created: Obj = {
        ...newMessage(state, channelId, b),
        attachments: files.attachments,
        // A reply (type 19) names the message it answers; a missing one allowed to be left out is not.
        ...(reference && "message_id" in reference ? { type: 19, message_reference: reference } : {}),
      };
      if (nonceKey) state.nonces.set(nonceKey, { message: created, at: Date.now() });
      remember(state.discordMessages, created.id as string, created);
      state.say(discordLine(target(state, channelId), b));
      return [200, created];
    });
  });

  // Edits share the channel's messages bucket; only fields sent change, as with Discord's PATCH.
  app.patch("/channels/:channelId/messages/:messageId", (c) => {
    const { channelId, messageId } = c.req.param();
    return route(c, state, { bucket: "messages", major: channelId, botAuth: true }, (body) => {
      const problem = channelProblem(state, channelId) ?? checkMessage(body, false);
      if (problem) return problem;
      const stored = state.discordMessages.get(messageId);
      if (!stored || stored.channel_id !== channelId)
        return [404, { message: "Unknown Message", code: 10008 }];
      const changes = Object.fromEntries(
        Object.entries(body as Obj).filter(([k]) => ["content", "embeds", "components", "flags"].includes(k)),
      );
      const edited = { ...stored, ...changes, edited_timestamp: new Date().toISOString() };
      state.discordMessages.set(messageId, edited);
      state.say(discordLine(target(state, channelId), edited, messageId));
      return [200, edited];
    });
  });

  // Newest first, as Discord lists them; `after` pages forward from the oldest unseen message.
  // Without Read Message History the list is empty, as on Discord (readDenied).
  app.get("/channels/:channelId/messages", (c) => {
    const channelId = c.req.param("channelId");
    return route(c, state, { bucket: "history", major: channelId, botAuth: true }, () => {
      const problem = channelProblem(state, channelId);
      if (problem) return problem;
      const isDm = [...state.dmChannels.values()].includes(channelId);
      const denied = isDm ? undefined : readDenied(state, channelId);
      if (denied === "empty") return [200, []];
      if (denied) return denied;
      const limit = Number(c.req.query("limit") ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        return fieldError("limit", "NUMBER_TYPE_MAX", "int value should be between 1 and 100.");
      const after = c.req.query("after");
      const before = c.req.query("before");
      if ([after, before].some((id) => id !== undefined && !SNOWFLAKE.test(id)))
        return fieldError(after ? "after" : "before", "NUMBER_TYPE_COERCE", "Value is not snowflake.");
      const all = [...state.discordMessages.values()]
        .filter((m) => m.channel_id === channelId)
        .sort((a, b) => (BigInt(a.id as string) < BigInt(b.id as string) ? -1 : 1));
      const page = after
        ? all.filter((m) => BigInt(m.id as string) > BigInt(after)).slice(0, limit)
        : all.filter((m) => !before || BigInt(m.id as string) < BigInt(before)).slice(-limit);
      return [200, page.reverse()];
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
}
