import { z } from "zod";
import type { CommandPlace } from "../../core/commands/place.ts";

const snowflake = z.string().regex(/^\d{1,20}$/);

/** The parts of an application-command interaction that say where it was used and who the named users are. */
const placePayload = z.looseObject({
  channel_id: snowflake.optional(),
  data: z
    .looseObject({
      resolved: z
        .looseObject({
          users: z.record(snowflake, z.looseObject({ bot: z.boolean().optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Where a Discord command was used and who is a bot there: Discord resolves every user option in
 * the interaction itself (`data.resolved.users[id].bot`), so no API call is needed. A user the
 * payload does not describe is "cannot tell" (null).
 */
export function discordCommandPlace(interaction: unknown): CommandPlace {
  const parsed = placePayload.safeParse(interaction);
  const payload = parsed.success ? parsed.data : {};
  const users = payload.data?.resolved?.users ?? {};
  return {
    channelId: payload.channel_id ?? null,
    async isBot(userId) {
      const user = users[userId];
      return user ? user.bot === true : null;
    },
  };
}
