import { z } from "zod";
import type { CommandPlace } from "../../core/commands/place.ts";
import { isFields, snowflake as snowflakeText } from "../quick-check.ts";

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
  const payload = quickPlace(interaction) ?? parsedPlace(interaction);
  const users = payload.data?.resolved?.users ?? {};
  return {
    channelId: payload.channel_id ?? null,
    async isBot(userId) {
      const user = users[userId];
      return user ? user.bot === true : null;
    },
  };
}

function parsedPlace(interaction: unknown): z.infer<typeof placePayload> {
  const parsed = placePayload.safeParse(interaction);
  return parsed.success ? parsed.data : {};
}

/** Without resolved users (most commands) only `channel_id` matters: the schema's answer, unwalked. */
function quickPlace(interaction: unknown): z.infer<typeof placePayload> | undefined {
  if (!isFields(interaction)) return undefined;
  const { channel_id: channelId, data } = interaction;
  if (channelId !== undefined && !snowflakeText(channelId)) return undefined;
  if (data !== undefined && !(isFields(data) && data.resolved === undefined)) return undefined;
  return channelId === undefined ? {} : { channel_id: channelId as string };
}
