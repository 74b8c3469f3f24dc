import { env } from "cloudflare:workers";
import { z } from "zod";
import { defineAction } from "../../src/core/actions/define.ts";
import { actionButton, formId } from "../../src/core/actions/pack.ts";
import type { FormDefinition } from "../../src/core/actions/types.ts";
import type { InteractionRegistry } from "../../src/core/handle-command.ts";
import { ephemeral } from "../../src/core/message.ts";
import { nextInteractionId } from "./discord.ts";
import { signedSlack, TEAM } from "./slack.ts";
import { standinsBase } from "./standins-url.ts";

/**
 * Test-only buttons and a form, so the interaction plumbing is tested on its own: `test.count`
 * writes a new outbox row on every run (only the ingress key stops a replay from writing
 * twice), `test.open` opens `test.form`, whose `name` must be 1–10 characters.
 */
export const testInteractions: InteractionRegistry = {
  actions: [
    defineAction({
      id: "test.count",
      args: z.tuple([z.enum(["a", "b"])]),
      moderator: false,
      handle: (_ctx, [which]) => ({
        update: { visibility: "public", blocks: [{ type: "text", text: `counted ${which}` }] },
        effects: [
          {
            type: "outbox.send",
            draft: {
              kind: "post",
              key: `count:${crypto.randomUUID()}`,
              channelId: "C0GENERAL",
              message: ephemeral({ type: "text", text: "+1" }),
            },
          },
        ],
      }),
    }),
    defineAction({
      id: "test.admin",
      args: z.array(z.string()).max(0),
      moderator: true,
      handle: () => ({ reply: ephemeral({ type: "text", text: "admin ok" }) }),
    }),
    defineAction({
      id: "test.open",
      args: z.array(z.string()).max(0),
      moderator: false,
      handle: async (ctx) => ({ form: await testForm.build(ctx, null, []) }),
    }),
  ],
  forms: [],
};

export const testForm: FormDefinition = {
  id: "test.form",
  moderator: false,
  build: (ctx, initial) => ({
    id: formId(ctx.community, "test.form"),
    title: "Test form",
    submitLabel: "Save",
    fields: [
      {
        kind: "text",
        id: "name",
        label: "Name",
        required: true,
        maxLength: 10,
        initial: typeof initial?.name === "string" ? initial.name : undefined,
      },
    ],
  }),
  submit: (_ctx, values) => {
    const name = typeof values.name === "string" ? values.name.trim() : "";
    if (name.length === 0 || name.length > 10) return { errors: { name: "Name: 1 to 10 characters." } };
    return {
      reply: ephemeral({ type: "text", text: `saved ${name}` }),
      effects: [
        {
          type: "outbox.send",
          draft: {
            kind: "post",
            key: `form:${name}`,
            channelId: "C0GENERAL",
            message: ephemeral({ type: "text", text: name }),
          },
        },
      ],
    };
  },
};
/**
 * A moderators-only form that does not check anything itself: its flag is all that stands
 * between a member and its effect (the handler enforces it, as for buttons and commands).
 */
export const testAdminForm: FormDefinition = {
  id: "test.adminform",
  moderator: true,
  build: (ctx) => ({
    id: formId(ctx.community, "test.adminform"),
    title: "Admin form",
    submitLabel: "Save",
    fields: [{ kind: "text", id: "name", label: "Name", required: true }],
  }),
  submit: (_ctx, values) => ({
    reply: ephemeral({ type: "text", text: "admin saved" }),
    effects: [
      {
        type: "outbox.send",
        draft: {
          kind: "post",
          key: `adminform:${String(values.name)}`,
          channelId: "C0GENERAL",
          message: ephemeral({ type: "text", text: "admin" }),
        },
      },
    ],
  }),
};
(testInteractions.forms as FormDefinition[]).push(testForm, testAdminForm);

/** The packed id a button gets in a message for this community. */
export function packedButton(communityId: number, id: string, args: string[] = []): string {
  const button = actionButton({ id: communityId }, id, "label", args);
  return `${button.actionId}:${button.value}`;
}

/** A Slack block_actions request as Slack sends it (form field `payload`). */
export async function slackButton(
  packed: string,
  options: { user?: string; team?: string; trigger?: string; timestamp?: number } = {},
) {
  const payload = {
    type: "block_actions",
    team: { id: options.team ?? TEAM, domain: "guru-penggerak" },
    user: { id: options.user ?? "U0MEMBER", username: "ayu", team_id: options.team ?? TEAM },
    api_app_id: "A0GUYUB",
    token: "legacy",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "D0DM", is_ephemeral: false },
    trigger_id: options.trigger ?? `${Date.now()}.${Math.random().toString().slice(2)}.abc`,
    channel: { id: "D0DM", name: "directmessage" },
    response_url: `${standinsBase()}/slack/response/${crypto.randomUUID()}`,
    actions: [
      { action_id: packed, block_id: "b1", type: "button", value: packed, action_ts: "1700000000.1" },
    ],
  };
  return signedSlack(
    "/slack/interactions",
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    { timestamp: options.timestamp },
  );
}

/** A Slack view_submission: text inputs as strings; the ids named in `selects` as Block Kit selects. */
export async function slackSubmit(
  packed: string,
  values: Record<string, string | string[]>,
  options: {
    user?: string;
    title?: string;
    selects?: Record<
      string,
      "static_select" | "multi_static_select" | "conversations_select" | "multi_users_select"
    >;
    timestamp?: number;
  } = {},
) {
  const element = (id: string, value: string | string[]) => {
    const type = options.selects?.[id];
    const list = Array.isArray(value) ? value : [value];
    if (type === "multi_static_select") return { type, selected_options: list.map((v) => ({ value: v })) };
    if (type === "static_select") return { type, selected_option: list[0] ? { value: list[0] } : null };
    if (type === "conversations_select") return { type, selected_conversation: list[0] ?? null };
    if (type === "multi_users_select") return { type, selected_users: list };
    return { type: "plain_text_input", value };
  };
  const payload = {
    type: "view_submission",
    team: { id: TEAM, domain: "guru-penggerak" },
    user: { id: options.user ?? "U0MEMBER", username: "ayu", team_id: TEAM },
    api_app_id: "A0GUYUB",
    token: "legacy",
    trigger_id: `${Date.now()}.${Math.random().toString().slice(2)}.def`,
    view: {
      id: `V${Math.random().toString().slice(2, 12)}`,
      team_id: TEAM,
      type: "modal",
      callback_id: packed,
      title: { type: "plain_text", text: options.title ?? "Test form" },
      close: { type: "plain_text", text: "Cancel" },
      private_metadata: "",
      hash: "1.abc",
      state: {
        values: Object.fromEntries(
          Object.entries(values).map(([id, value]) => [id, { [id]: element(id, value) }]),
        ),
      },
    },
  };
  return signedSlack(
    "/slack/interactions",
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    { timestamp: options.timestamp },
  );
}

/** A Discord component press, in a server (`guild`) or in a DM (`guild: null`). */
export function discordButton(
  packed: string,
  options: { user?: string; guild?: string | null; id?: string } = {},
) {
  const user = { id: options.user ?? "300000000000000001", username: "ayu", global_name: "Ayu" };
  const where =
    options.guild === null
      ? { user }
      : {
          guild_id: options.guild ?? "200000000000000001",
          member: { user, permissions: "0", roles: [], nick: null },
        };
  return {
    id: options.id ?? nextInteractionId(),
    type: 3,
    application_id: env.DISCORD_APPLICATION_ID,
    token: "interaction-token",
    locale: "en-US",
    ...where,
    data: { custom_id: packed, component_type: 2 },
  };
}

/**
 * A Discord modal submit whose fields are Label components: strings as text inputs, arrays as
 * selects (`values`; the ids named in `channels` as channel selects, type 8; in `users` as user
 * selects, type 5, whose chosen users Discord also sends in `resolved.users`).
 */
export function discordSubmit(
  packed: string,
  values: Record<string, string | string[]>,
  options: {
    user?: string;
    guild?: string | null;
    channels?: readonly string[];
    users?: readonly string[];
  } = {},
) {
  const press = discordButton(packed, options);
  const type = (id: string) => (options.channels?.includes(id) ? 8 : options.users?.includes(id) ? 5 : 3);
  const chosen = Object.entries(values)
    .filter(([id, value]) => options.users?.includes(id) && Array.isArray(value))
    .flatMap(([, value]) => [value].flat());
  return {
    ...press,
    type: 5,
    data: {
      custom_id: packed,
      components: Object.entries(values).map(([id, value]) => ({
        type: 18,
        id: 1,
        component: Array.isArray(value)
          ? { type: type(id), custom_id: id, values: value }
          : { type: 4, custom_id: id, value },
      })),
      ...(chosen.length > 0
        ? {
            resolved: {
              users: Object.fromEntries(chosen.map((id) => [id, { id, username: `user${id.slice(-4)}` }])),
            },
          }
        : {}),
    },
  };
}
