import type { Context } from "hono";
import { z } from "zod";
import { HttpError } from "../../core/errors.ts";
import { createDb } from "../../db/client.ts";
import { ensureCommunity } from "../../db/community-install.ts";
import type { AppEnv } from "../../env.ts";
import { localeFrom } from "./parse.ts";

/** Discord's webhook payload types: a PING when the URL is saved, then events. */
const PING = 0;
const EVENT = 1;
/** An install to a server (a user install is 1). */
const GUILD_INSTALL = 0;

const snowflake = z.string().regex(/^\d{1,20}$/);
const webhook = z.looseObject({
  version: z.literal(1),
  application_id: snowflake,
  type: z.union([z.literal(PING), z.literal(EVENT)]),
  event: z
    .looseObject({ type: z.string().max(64), timestamp: z.string().max(64), data: z.unknown().optional() })
    .optional(),
});
const authorized = z.looseObject({
  integration_type: z.number().int().optional(),
  scopes: z.array(z.string().max(64)).max(50).default([]),
  guild: z
    .looseObject({
      id: snowflake,
      name: z.string().max(100).optional(),
      preferred_locale: z.string().max(16).optional(),
    })
    .optional(),
});

/**
 * `POST /discord/events`, Discord's webhook events, already verified like interactions. Answers
 * 204 with no body, which Discord wants within 3 seconds (else it retries, and after repeated
 * failures turns the events off). `APPLICATION_AUTHORIZED` with a server creates that server's
 * community; `APPLICATION_DEAUTHORIZED` carries only the user (no server), so it is acknowledged
 * and nothing else: removal from a server is noticed from Discord's refusals instead. Every other
 * event is acknowledged and ignored.
 */
export async function onDiscordEvent(c: Context<{ Bindings: AppEnv }>, raw: string, now: Date) {
  const parsed = webhook.safeParse(parseJson(raw));
  if (!parsed.success) throw new HttpError("malformed_payload", "Not a Discord webhook event payload.");
  const { type, event } = parsed.data;
  if (type === EVENT && event?.type === "APPLICATION_AUTHORIZED") {
    const data = authorized.safeParse(event.data);
    if (!data.success) console.warn("discord: unusable APPLICATION_AUTHORIZED event");
    else if (data.data.guild && (data.data.integration_type ?? GUILD_INSTALL) === GUILD_INSTALL) {
      const { guild } = data.data;
      await ensureCommunity(
        createDb(c.env.DB),
        {
          platform: "discord",
          workspaceId: guild.id,
          name: guild.name ?? null,
          locale: localeFrom(guild.preferred_locale),
        },
        now,
      );
    }
  }
  // Discord asks for a Content-Type even on this empty answer.
  return c.body(null, 204, { "content-type": "application/json" });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
