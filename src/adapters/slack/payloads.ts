import { z } from "zod";

/**
 * The longest command text guyub reads. Longer text is still a well-formed payload: it is
 * answered with a "too long" reply (in the community's language) rather than refused as
 * malformed, so the member learns what happened. The 64 KiB body limit bounds it on the wire.
 */
export const COMMAND_TEXT_MAX = 4000;

/** The slash-command form fields guyub relies on; anything else Slack sends passes through. */
export const slashCommandPayload = z.looseObject({
  command: z.string().regex(/^\/[\w-]{1,32}$/),
  text: z.string().default(""),
  team_id: z.string().min(1).max(32),
  team_domain: z.string().max(255).optional(),
  user_id: z.string().regex(/^[A-Z0-9]{1,32}$/),
  user_name: z.string().max(255).optional(),
  channel_id: z.string().max(32).optional(),
  response_url: z.url({ protocol: /^https?$/ }),
  trigger_id: z.string().max(255).optional(),
});

export type SlashCommandPayload = z.infer<typeof slashCommandPayload>;

/** Interactivity payloads (block_actions, view_submission, shortcuts): the type routes them. */
export const interactionPayload = z.looseObject({
  type: z.string().min(1),
  team: z.looseObject({ id: z.string() }).nullish(),
  user: z.looseObject({ id: z.string() }).optional(),
});

/** Events API envelopes. */
export const eventEnvelope = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string().max(256) }),
  z.looseObject({
    type: z.literal("event_callback"),
    team_id: z.string().optional(),
    event: z.looseObject({ type: z.string() }),
  }),
  z.looseObject({ type: z.literal("app_rate_limited") }),
]);
