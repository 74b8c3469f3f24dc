import type { Hono } from "hono";
import { z } from "zod";
import type { StandinState } from "./state.ts";

const id = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).transform(String);
const groupSpec = z.strictObject({
  chatId: id,
  title: z.string().max(128).default("Test group"),
  type: z.enum(["group", "supergroup"]).default("supergroup"),
  admins: z.array(id).max(50).default([]),
  members: z.array(id).max(1000).default([]),
});

/**
 * The Telegram world's control routes: `POST /__telegram/groups` (a group the bot is in, its
 * administrators and members), `POST /__telegram/started` (people who pressed Start, so private
 * messages reach them), `DELETE /__telegram/groups/:id` (the bot removed), `GET /__telegram/world`.
 */
export function addTelegramControlRoutes(app: Hono, state: StandinState): void {
  const world = state.telegram;
  app.post("/__telegram/groups", async (c) => {
    const parsed = groupSpec.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, error: z.prettifyError(parsed.error) }, 400);
    const { chatId, ...group } = parsed.data;
    world.groups.set(chatId, group);
    return c.json({ ok: true, chatId });
  });
  app.delete("/__telegram/groups/:id", (c) => c.json({ ok: world.groups.delete(c.req.param("id")) }));
  app.post("/__telegram/started", async (c) => {
    const parsed = z
      .strictObject({ userIds: z.array(id).max(1000) })
      .safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, error: z.prettifyError(parsed.error) }, 400);
    for (const user of parsed.data.userIds) world.started.add(user);
    return c.json({ ok: true });
  });
  app.get("/__telegram/world", (c) =>
    c.json({
      groups: Object.fromEntries(world.groups),
      started: [...world.started],
      webhook: world.webhook,
      commands: Object.fromEntries(world.commands),
    }),
  );
}
