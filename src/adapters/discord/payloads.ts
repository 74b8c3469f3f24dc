import { z } from "zod";

const snowflake = z.string().regex(/^\d{1,20}$/);

const user = z.looseObject({
  id: snowflake,
  username: z.string().max(64).optional(),
  global_name: z.string().max(64).nullish(),
});

/** An option as Discord sends it: subcommand groups and subcommands nest further options. */
export interface DiscordOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: DiscordOption[];
}

const option: z.ZodType<DiscordOption> = z.lazy(() =>
  z.object({
    name: z.string().max(32),
    type: z.number().int(),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    options: z.array(option).max(25).optional(),
  }),
);

/** The interaction fields guyub relies on (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export const interactionPayload = z.looseObject({
  id: snowflake,
  type: z.number().int().min(1).max(5),
  application_id: snowflake,
  token: z.string().max(1000).optional(),
  guild_id: snowflake.optional(),
  guild_locale: z.string().max(16).optional(),
  locale: z.string().max(16).optional(),
  member: z
    .looseObject({
      user,
      permissions: z
        .string()
        .regex(/^\d{1,40}$/)
        .optional(),
      roles: z.array(snowflake).max(1000).default([]),
      nick: z.string().max(64).nullish(),
    })
    .optional(),
  user: user.optional(),
  data: z
    .looseObject({
      name: z.string().max(32).optional(),
      custom_id: z.string().max(100).optional(),
      options: z.array(option).max(25).optional(),
    })
    .optional(),
});

export type DiscordInteraction = z.infer<typeof interactionPayload>;
