/**
 * `POST /__discord/messages`: members' messages in a channel, as if people had written them, so
 * the activity job has history to page through (newest first, by `after`, like Discord). Only
 * authors and times matter to guyub (`at` dates a message, e.g. on a simulated clock); the content
 * is a placeholder.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { newMessage, SNOWFLAKE } from "./discord-messages.ts";
import { remember, type StandinState } from "./state.ts";

const SeedInput = z.strictObject({
  channelId: z.string().regex(SNOWFLAKE),
  messages: z
    .array(
      z.strictObject({
        authorId: z.string().regex(SNOWFLAKE),
        bot: z.boolean().optional(),
        webhook: z.boolean().optional(),
        /** Discord message type: 0 default, 19 reply, 7 member join, … */
        type: z.number().int().min(0).max(63).optional(),
        /** When it was written (epoch ms; default now): its snowflake and timestamp carry it. */
        at: z.number().int().min(1_420_070_400_000).max(8_640_000_000_000_000).optional(),
      }),
    )
    .max(5000),
});

export function addDiscordSeedRoutes(app: Hono, state: StandinState): void {
  app.post("/__discord/messages", async (c) => {
    const parsed = SeedInput.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, error: z.prettifyError(parsed.error) }, 400);
    const ids: string[] = [];
    for (const m of parsed.data.messages) {
      const at = m.at ?? Date.now();
      const created: Record<string, unknown> = {
        ...newMessage(state, parsed.data.channelId, { content: "…" }),
        id: state.snowflake(at),
        timestamp: new Date(at).toISOString(),
        type: m.type ?? 0,
        author: {
          id: m.authorId,
          username: `user${m.authorId.slice(-4)}`,
          discriminator: "0",
          bot: m.bot === true,
        },
        ...(m.webhook ? { webhook_id: "300000000000000001" } : {}),
      };
      remember(state.discordMessages, created.id as string, created);
      ids.push(created.id as string);
    }
    return c.json({ ok: true, ids });
  });
}
