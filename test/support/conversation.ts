import { env } from "cloudflare:workers";
import { WebClient } from "@slack/web-api";
import { slackClientOptions } from "../../src/adapters/slack/client.ts";
import { createSlackLookups } from "../../src/adapters/slack/directory.ts";
import { handleInteraction, type InteractionResponse } from "../../src/core/actions/handle.ts";
import { parseCommandText } from "../../src/core/commands/parse-text.ts";
import { handlePrivateMessage } from "../../src/core/conversation/inbound.ts";
import { type CommandRequest, type CoreDeps, handleCommand } from "../../src/core/handle-command.ts";
import type { Block, Message } from "../../src/core/message.ts";
import type { PlatformTraits } from "../../src/core/platform.ts";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { standinsBase } from "./standins-url.ts";
import { TRAITS } from "./traits.ts";

/**
 * A platform whose forms are conversations (no dialogs), as a third platform would declare it. Its
 * id stays Slack's, so the stored community is a real one and the platform's answers (a channel
 * guyub can post in) come from the Slack stand-in: only what the platform can do differs.
 */
export const CONVERSATION: PlatformTraits = { ...TRAITS.slack, forms: "conversation" };
export const WORKSPACE = "T0GUYUB01";
const SYNTAX = { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false };

/** Core with the real store (keyed for forgetting) and a clock the test moves. */
export function conversationCore(clock: { now: Date }): CoreDeps {
  return {
    store: createCommunityStore(createDb(env.DB), env.DB, { FORGET_HASH_SALT: "conversation-test-salt" }),
    now: () => clock.now,
  };
}

/** The platform's real answers about channels, from the stand-in (the setup form's channel check). */
export const directory = () =>
  createSlackLookups(new WebClient(env.SLACK_BOT_TOKEN, slackClientOptions(`${standinsBase()}/slack/api/`)));

export function commandOn(
  traits: PlatformTraits,
  text: string,
  options: { user?: string; moderator?: boolean; ingressKey?: string; workspace?: string } = {},
): CommandRequest {
  return {
    traits,
    contact: {
      platform: traits.id,
      workspaceId: options.workspace ?? WORKSPACE,
      workspaceName: "Guru Penggerak",
      userId: options.user ?? "U0AYU",
      displayName: "ayu",
      initialLocale: "en",
    },
    syntax: SYNTAX,
    authority: () => ({ kind: "payload", isModerator: options.moderator ?? false }),
    parse: (registry) => parseCommandText(registry, traits, text),
    ingressKey: options.ingressKey ?? `test:${crypto.randomUUID()}`,
    directory: directory(),
  };
}

/** A member talking to guyub: commands, private messages and button presses on `CONVERSATION`. */
export function member(deps: CoreDeps, user = "U0AYU", moderator = false) {
  const authority = () => ({ kind: "payload" as const, isModerator: moderator });
  return {
    command: async (text: string) =>
      (await handleCommand(deps, commandOn(CONVERSATION, text, { user, moderator }))).message,
    say: (text: string, ingressKey = `pm:${crypto.randomUUID()}`, workspaceId: string | null = null) =>
      handlePrivateMessage(deps, {
        traits: CONVERSATION,
        userId: user,
        workspaceId,
        text,
        ingressKey,
        fallbackLocale: "en",
        syntax: SYNTAX,
        authority,
        directory: directory(),
      }),
    press: async (packed: string): Promise<Message> =>
      replyOf(
        await handleInteraction(deps, {
          traits: CONVERSATION,
          userId: user,
          workspaceId: null,
          kind: "button",
          packed,
          ingressKey: `press:${crypto.randomUUID()}`,
          fallbackLocale: "en",
          syntax: SYNTAX,
          authority,
          directory: directory(),
        }),
      ),
  };
}

const replyOf = (response: InteractionResponse): Message =>
  response.kind === "form" ? response.fallback : response.message;

/** A message's buttons as the platform would send them back: label → packed id. */
export function buttons(message: Message | null): Record<string, string> {
  const found = (message?.blocks ?? []).filter(
    (b): b is Extract<Block, { type: "actions" }> => b.type === "actions",
  );
  return Object.fromEntries(
    found.flatMap((b) => b.buttons.map((x) => [x.label, `${x.actionId}:${x.value}`])),
  );
}

export const textOf = (message: Message | null) => JSON.stringify(message?.blocks ?? null);

export async function conversationRows() {
  return (await env.DB.prepare("SELECT * FROM form_conversations ORDER BY community_id, user_id").all())
    .results as Record<string, unknown>[];
}
